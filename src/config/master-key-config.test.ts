import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { loadOrCreateLocalSecrets } from './local-secrets';

const dataDir = () => mkdtempSync(join(tmpdir(), 'soullink-master-key-'));

describe('MASTER_KEY and MASTER_KEY_ID', () => {
  it('When MASTER_KEY is unset outside production, Then a key is generated once, kept in DATA_DIR and reused', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });

    expect(config.encryption.source).toBe('generated');
    expect(config.encryption.masterKeyId).toBe('k1');
    expect(config.encryption.masterKey).toHaveLength(32);
    expect(loadConfig({ DATA_DIR: dir }).encryption.masterKey.equals(config.encryption.masterKey)).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir() }).encryption.masterKey.equals(config.encryption.masterKey)).toBe(false);
  });

  it('When MASTER_KEY is set, Then it is used as given, in base64 or base64url, with its id', () => {
    const key = randomBytes(32);
    for (const encoded of [key.toString('base64'), key.toString('base64url')]) {
      const config = loadConfig({ DATA_DIR: dataDir(), MASTER_KEY: encoded, MASTER_KEY_ID: '2026-11.a' });
      expect(config.encryption).toEqual({ masterKey: key, masterKeyId: '2026-11.a', source: 'env', retiredMasterKeys: {} });
    }
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('base64')],
    ['not base64', '!'.repeat(44)],
    ['a passphrase', 'correct horse battery staple correct horse b'],
  ])('When MASTER_KEY is %s, Then startup names it', (_label, value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), MASTER_KEY: value })).toThrow(/MASTER_KEY: must be base64 of 32 bytes/);
  });

  it('When MASTER_KEY_ID is not a short label, Then startup names it', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), MASTER_KEY_ID: 'has spaces' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MASTER_KEY_ID: 'x'.repeat(33) })).toThrow(/MASTER_KEY_ID/);
  });

  it('When running in production without MASTER_KEY, Then startup refuses and names it', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('base64url'), DATABASE_URL: 'postgresql://u@db:5432/x' };
    expect(() => loadConfig(production)).toThrow(/MASTER_KEY: is required in production/);
    expect(loadConfig({ ...production, MASTER_KEY: randomBytes(32).toString('base64') }).encryption.source).toBe('env');
  });

  it('When a local secrets file predates the master key, Then a key is added and the other secrets are kept', () => {
    const dir = dataDir();
    const file = join(dir, 'local-secrets.json');
    writeFileSync(file, JSON.stringify({ jwtSecret: 'j'.repeat(64), embeddedPgPassword: 'pg-password' }), { mode: 0o600 });

    const secrets = loadOrCreateLocalSecrets(dir);

    expect(secrets.jwtSecret).toBe('j'.repeat(64));
    expect(secrets.embeddedPgPassword).toBe('pg-password');
    expect(Buffer.from(secrets.masterKey, 'base64')).toHaveLength(32);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(secrets);
    expect(loadOrCreateLocalSecrets(dir)).toEqual(secrets);
  });
});
