import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';
import { EXAMPLE_MASTER_KEY } from './placeholder-secrets';

const dataDir = () => mkdtempSync(join(tmpdir(), 'task-h-secrets-'));
const production = () => ({
  NODE_ENV: 'production',
  DATA_DIR: dataDir(),
  DATABASE_URL: 'postgresql://u@db:5432/x',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  MASTER_KEY: randomBytes(32).toString('base64'),
});

describe('production refuses public placeholder secrets', () => {
  it('When real random secrets are set, Then production starts', () => {
    expect(loadConfig(production()).isProduction).toBe(true);
  });

  it.each([
    ["docker-compose's placeholder", 'change-me-to-a-long-random-string-of-48-chars'],
    ["the .env.example placeholder", 'replace-me-with-at-least-32-random-characters'],
    ['a repeated character', 'a'.repeat(64)],
  ])('When JWT_SECRET is %s, Then production refuses it and names it', (_label, secret) => {
    expect(() => loadConfig({ ...production(), JWT_SECRET: secret })).toThrow(/JWT_SECRET: (is a published placeholder|has almost no randomness)/);
  });

  it.each([
    ['all zeros', Buffer.alloc(32).toString('base64')],
    ['a repeated byte', Buffer.alloc(32, 7).toString('base64')],
    ['the .env.example key', EXAMPLE_MASTER_KEY],
  ])('When MASTER_KEY is %s, Then production refuses it and names it', (_label, key) => {
    expect(() => loadConfig({ ...production(), MASTER_KEY: key })).toThrow(/MASTER_KEY: (is the example key|has almost no randomness)/);
  });

  it('When a placeholder is used outside production, Then it is accepted (local use)', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: 'change-me-to-a-long-random-string-of-48-chars', MASTER_KEY: Buffer.alloc(32).toString('base64') }).auth.jwtSecretSource).toBe('env');
  });
});

describe('MASTER_KEY_RETIRED', () => {
  it('When retired keys are listed as id:key pairs, Then each opens under its id', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const config = loadConfig({ DATA_DIR: dataDir(), MASTER_KEY_ID: 'k3', MASTER_KEY_RETIRED: `k1:${a.toString('base64')}, k2:${b.toString('base64url')}` });
    expect(config.encryption.retiredMasterKeys).toEqual({ k1: a, k2: b });
  });

  it.each([
    ['no id', randomBytes(32).toString('base64'), /each entry is id:base64key/],
    ['a short key', `k1:${randomBytes(16).toString('base64')}`, /the key of "k1" must be base64 of 32 bytes/],
    ['the current id', `k2:${randomBytes(32).toString('base64')}`, /"k2" is MASTER_KEY_ID/],
    ['an id twice', `k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`, /listed twice/],
  ])('When an entry has %s, Then startup names MASTER_KEY_RETIRED', (_label, value, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), MASTER_KEY_ID: 'k2', MASTER_KEY_RETIRED: value })).toThrow(message);
  });
});

describe('Weaviate Cloud and the model cache', () => {
  it('When the Weaviate API key and gRPC host are set, Then config carries them', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), WEAVIATE_URL: 'https://abc.weaviate.cloud', WEAVIATE_API_KEY: 'wk', WEAVIATE_GRPC_HOST: 'grpc-abc.weaviate.cloud', WEAVIATE_GRPC_PORT: '443' });
    expect(config.weaviate).toEqual({ apiKey: 'wk', grpcHost: 'grpc-abc.weaviate.cloud', grpcPort: 443 });
  });

  it('When MODEL_CACHE_DIR is set, Then the server uses that folder', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), MODEL_CACHE_DIR: '/srv/models' }).llm.modelCacheDir).toBe('/srv/models');
  });
});
