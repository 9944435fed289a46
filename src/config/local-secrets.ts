import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets for local (non-production) use, generated once and kept in DATA_DIR so sessions
 * and the embedded database survive restarts. Production must configure real secrets.
 */
export interface LocalSecrets {
  jwtSecret: string;
  embeddedPgPassword: string;
  /** MASTER_KEY's stand-in: base64 of 32 bytes. Added to files written before it existed. */
  masterKey: string;
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'local-secrets.json');
  const stored: Partial<LocalSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  if (stored.jwtSecret && stored.embeddedPgPassword && stored.masterKey) return stored as LocalSecrets;
  // Only what is missing is generated: the others keep sessions and the embedded database working.
  const secrets: LocalSecrets = {
    jwtSecret: stored.jwtSecret || randomBytes(48).toString('base64url'),
    embeddedPgPassword: stored.embeddedPgPassword || randomBytes(24).toString('base64url'),
    masterKey: stored.masterKey || randomBytes(32).toString('base64'),
  };
  // 0755 on the folder: the embedded PostgreSQL runs as user `postgres` when we are root.
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  writeFileSync(file, JSON.stringify({ ...stored, ...secrets }, null, 2), { mode: 0o600 });
  return secrets;
}
