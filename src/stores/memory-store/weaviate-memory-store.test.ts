import { memoryStoreContract } from './memory-store.contract';
import { connectWeaviate, WeaviateMemoryStore } from './weaviate-memory-store';

const url = process.env.WEAVIATE_URL;

if (url) {
  // A collection of its own per run, deleted at the end.
  const collectionName = `MemoryTest_${Date.now()}_${process.pid}`;

  memoryStoreContract('weaviate', async () => {
    const client = await connectWeaviate(url);
    const store = new WeaviateMemoryStore(client, { collectionName, onClose: () => client.close() });
    await store.ensureCollection();
    return store;
  });

  describe('WeaviateMemoryStore', () => {
    it('When ensureCollection runs again, or from two handles at once, Then it succeeds and keeps one collection', async () => {
      const a = await connectWeaviate(url);
      const b = await connectWeaviate(url);
      try {
        await Promise.all([
          new WeaviateMemoryStore(a, { collectionName }).ensureCollection(),
          new WeaviateMemoryStore(b, { collectionName }).ensureCollection(),
        ]);
        expect(await a.collections.exists(collectionName)).toBe(true);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });

  afterAll(async () => {
    const client = await connectWeaviate(url);
    try {
      await client.collections.delete(collectionName);
    } finally {
      await client.close();
    }
  });
} else {
  it.skip('Weaviate memory store contract (no Weaviate server: set WEAVIATE_URL, e.g. http://127.0.0.1:8080 with gRPC on 50051, to run it)', () => undefined);
}
