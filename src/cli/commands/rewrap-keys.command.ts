import { openDatabase } from '../../composition-root';
import { loadConfig } from '../../config/load-config';
import { rewrapDataKeys, type RewrapResult } from '../../stores/encryption/rewrap-data-keys';

/**
 * `soullink rewrap-keys`: re-wraps every data key held under a retired master key
 * (MASTER_KEY_RETIRED) with MASTER_KEY. Exits 1 when some could not be opened, naming the
 * key ids, so the operator does not destroy an old key that is still needed.
 */
export async function rewrapKeysCommand(env: NodeJS.ProcessEnv = process.env): Promise<RewrapResult> {
  const config = loadConfig(env);
  const db = await openDatabase(config);
  try {
    const { encryption } = config;
    const result = await rewrapDataKeys(
      { execute: (sql, params) => db.orm.em.getConnection().execute(sql, params) },
      { masterKey: encryption.masterKey, masterKeyId: encryption.masterKeyId, retiredMasterKeys: encryption.retiredMasterKeys ?? {} },
    );
    process.stdout.write(`Re-wrapped ${result.rewrapped} data key(s) under master key "${encryption.masterKeyId}".\n`);
    const left = Object.entries(result.unopenable);
    if (left.length > 0) {
      process.stderr.write(
        `Not re-wrapped (no configured key opens them): ${left.map(([id, n]) => `${n} under "${id}"`).join(', ')}.\n` +
          'Add the missing keys to MASTER_KEY_RETIRED as id:key and run again; keep every old key until this reports none.\n',
      );
      process.exitCode = 1;
    }
    return result;
  } finally {
    await db.close();
  }
}
