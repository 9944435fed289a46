import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { objectStoreContract } from './object-store.contract';
import { S3ObjectStore } from './s3-object-store';

/**
 * The contract against the real S3 adapter over HTTP. With S3_ENDPOINT set (MinIO, e.g.
 * http://127.0.0.1:9000 with S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY) it runs there;
 * otherwise against s3rver, an in-process S3-compatible server on a free port and a temp dir,
 * so every CI run exercises the adapter's requests, signatures and error mapping.
 */
const endpoint = process.env.S3_ENDPOINT;

if (endpoint) {
  objectStoreContract('s3 (S3_ENDPOINT)', async () => {
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
  let server: S3rver | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  objectStoreContract('s3 (s3rver)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'soullink-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
    const { port } = await server.run();
    const store = new S3ObjectStore({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'soullink-test',
      region: 'us-east-1',
      // s3rver's documented credentials: it checks SigV4 signatures as S3 does.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    // s3rver starts with no buckets, as MinIO does: the adapter's HeadBucket → CreateBucket path.
    await store.ensureBucket();
    return store;
  });
}
