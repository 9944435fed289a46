import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegisterDocument } from '../graphql/generated/graphql';
import { rewrapKeysCommand } from '../src/cli/commands/rewrap-keys.command';
import { createApp, openDatabase } from '../src/composition-root';
import { loadConfig } from '../src/config/load-config';
import { decryptText, encryptText } from '../src/stores/encryption/field-cipher';
import { DatabaseNotMigratedError } from '../src/stores/postgres/assert-migrated';
import { createDatabase, dropDatabase } from './support/test-database';
import { newAccountInput, startTestApp } from './support/test-app';

const env = (databaseUrl: string, extra: Record<string, string> = {}) => ({
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl,
  DATA_DIR: mkdtempSync(join(tmpdir(), 'task-h-operators-')),
  LOG_LEVEL: 'silent',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  ...extra,
});

let fresh: string;
beforeAll(async () => {
  fresh = await createDatabase(process.env.TEST_SERVER_URL!, 'soullink_operators');
});
afterAll(() => dropDatabase(fresh));

describe('Operators: an unmigrated database, then a master-key rotation', () => {
  it('When the API or worker starts on a database nobody migrated, Then it refuses with a message naming `soullink migrate`', async () => {
    const attempt = createApp(loadConfig(env(fresh)));
    await expect(attempt).rejects.toBeInstanceOf(DatabaseNotMigratedError);
    await expect(attempt).rejects.toThrow(/Run `soullink migrate`/);
  });

  it('When the master key is rotated and `rewrap-keys` runs, Then every data key opens under the new key alone and data written before still reads', async () => {
    // Migrate the fresh database the way `soullink migrate` does.
    const db = await openDatabase(loadConfig(env(fresh)));
    await db.orm.migrator.up();
    await db.close();

    const [oldKey, newKey] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const before = await startTestApp(env(fresh, { MASTER_KEY: oldKey, MASTER_KEY_ID: 'k1' }));
    const userIds: string[] = [];
    const sealed: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const { register } = await before.http.ok(RegisterDocument, { input: newAccountInput() });
        userIds.push(register.user.id);
        sealed.push(encryptText(await before.app.services.dataKeys.keyFor(register.user.id), `note ${i}`, register.user.id));
      }
    } finally {
      await before.close();
    }

    // A wrong retired key opens nothing: the command says so and fails, and nothing changes.
    const wrong = await silenced(() => rewrapKeysCommand(env(fresh, { MASTER_KEY: newKey, MASTER_KEY_ID: 'k2', MASTER_KEY_RETIRED: `k1:${randomBytes(32).toString('base64')}` })));
    expect(wrong.result).toEqual({ rewrapped: 0, unopenable: { k1: 3 } });
    expect(wrong.exitCode).toBe(1);

    const right = await silenced(() => rewrapKeysCommand(env(fresh, { MASTER_KEY: newKey, MASTER_KEY_ID: 'k2', MASTER_KEY_RETIRED: `k1:${oldKey}` })));
    expect(right.result).toEqual({ rewrapped: 3, unopenable: {} });
    expect(right.exitCode).toBeUndefined();
    expect(right.stdout).toContain('Re-wrapped 3 data key(s) under master key "k2"');
    // A second run has nothing left to do.
    expect((await silenced(() => rewrapKeysCommand(env(fresh, { MASTER_KEY: newKey, MASTER_KEY_ID: 'k2', MASTER_KEY_RETIRED: `k1:${oldKey}` })))).result.rewrapped).toBe(0);

    // The old key is gone from the configuration: everything still opens.
    const after = await createApp(loadConfig(env(fresh, { MASTER_KEY: newKey, MASTER_KEY_ID: 'k2' })));
    try {
      for (const [i, id] of userIds.entries()) {
        expect(decryptText(await after.services.dataKeys.keyFor(id), sealed[i]!, id)).toBe(`note ${i}`);
      }
      const ids = await after.services.orm.em.getConnection().execute(`select distinct key_id from user_data_keys`);
      expect(ids).toEqual([{ key_id: 'k2' }]);
    } finally {
      await after.close();
    }
  });
});

/** Runs a command, capturing what it prints and the exit code it sets, and restoring both. */
async function silenced<T>(run: () => Promise<T>): Promise<{ result: T; stdout: string; exitCode: number | string | undefined }> {
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  let stdout = '';
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    const result = await run();
    return { result, stdout, exitCode: process.exitCode ?? undefined };
  } finally {
    process.exitCode = previous;
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}
