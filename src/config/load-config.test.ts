import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'soullink-config-'));

describe('loadConfig', () => {
  it('When nothing is set, Then embedded defaults are used and a local secret is generated and kept', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.postgres).toEqual({ mode: 'embedded', port: 54329, migrateOnStart: true });
    expect(config.redisUrl).toBeUndefined();
    expect(config.auth.jwtSecretSource).toBe('generated');
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).auth.jwtSecret).toBe(config.auth.jwtSecret);
    expect(statSync(join(dir, 'local-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('When a variable is invalid, Then the error names that variable', () => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', REDIS_URL: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const names = (err as ConfigError).problems.map((p) => p.variable);
      expect(names).toEqual(expect.arrayContaining(['PORT', 'REDIS_URL']));
      expect((err as Error).message).toMatch(/PORT/);
    }
  });

  it('When running in production without secrets or a database, Then startup refuses with the missing names', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*DATABASE_URL/);
  });

  it('When JWT_SECRET is too short, Then it is rejected', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32/);
  });

  it('When DATABASE_URL is set, Then migrations are not applied on start unless asked', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://u@db:5432/x' });
    expect(config.postgres).toEqual({ mode: 'external', url: 'postgresql://u@db:5432/x', migrateOnStart: false });
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://u@db:5432/x', MIGRATE_ON_START: 'true' }).postgres.migrateOnStart).toBe(true);
  });

  it('When CORS_ORIGINS lists origins, Then they are kept as browsers send them; a path, a trailing slash or an uppercase host is refused', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).http.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(loadConfig({ DATA_DIR: dataDir(), CORS_ORIGINS: '*' }).http.corsOrigins).toEqual(['*']);
    expect(loadConfig({ DATA_DIR: dataDir() }).http.corsOrigins).toEqual([]);
    for (const bad of ['https://app.example.com/', 'https://app.example.com/app', 'https://App.example.com', 'app.example.com', 'ftp://x.example'])
      expect(() => loadConfig({ DATA_DIR: dataDir(), CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS: each entry must be an origin/);
  });

  it('When GRAPHQL_EXPLORER is unset, Then the explorer is on outside production and off in production', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).http.explorer).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), GRAPHQL_EXPLORER: 'false' }).http.explorer).toBe(false);
    const production = { NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('base64url'), MASTER_KEY: randomBytes(32).toString('base64'), DATABASE_URL: 'postgresql://u@db:5432/x' };
    expect(loadConfig({ DATA_DIR: dataDir(), ...production }).http.explorer).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, GRAPHQL_EXPLORER: 'true' }).http.explorer).toBe(true);
  });

  it('When the local secrets file exists, Then it is not rewritten', () => {
    const dir = dataDir();
    loadConfig({ DATA_DIR: dir });
    const before = readFileSync(join(dir, 'local-secrets.json'), 'utf8');
    loadConfig({ DATA_DIR: dir });
    expect(readFileSync(join(dir, 'local-secrets.json'), 'utf8')).toBe(before);
  });
});
