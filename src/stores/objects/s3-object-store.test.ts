import { S3ObjectStore } from './s3-object-store';
import { objectStoreContract } from './object-store.contract';

const endpoint = process.env.S3_ENDPOINT;

if (endpoint) {
  objectStoreContract('s3', async () => {
    const store = new S3ObjectStore({
      endpoint,
      bucket: process.env.S3_BUCKET ?? 'soullink-test',
      region: process.env.S3_REGION ?? 'us-east-1',
      accessKeyId: process.env.S3_ACCESS_KEY_ID,
      secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
    });
    await store.ensureBucket();
    return store;
  });
} else {
  it.skip('S3 object store contract (no S3 endpoint: set S3_ENDPOINT, e.g. http://127.0.0.1:9000 for MinIO, with S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, to run it)', () => undefined);
}
