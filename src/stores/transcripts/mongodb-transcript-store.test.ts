import { MongoClient } from 'mongodb';
import { MongodbTranscriptStore } from './mongodb-transcript-store';
import { transcriptStoreContract } from './transcript-store.contract';

const url = process.env.MONGODB_URL;

if (url) {
  // A database of its own per run, dropped at the end.
  const dbName = `soullink_test_transcripts_${Date.now()}_${process.pid}`;

  transcriptStoreContract('mongodb', async () => {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000, appName: 'soullink-test' });
    await client.connect();
    const store = new MongodbTranscriptStore(client, { dbName, onClose: () => client.close() });
    await store.ensureIndexes();
    return store;
  });

  afterAll(async () => {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
    try {
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  });
} else {
  it.skip('MongoDB transcript store contract (no MongoDB server: set MONGODB_URL, e.g. mongodb://127.0.0.1:27017, to run it)', () => undefined);
}
