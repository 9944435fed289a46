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
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'local-secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (stored.jwtSecret && stored.embeddedPgPassword) return stored as LocalSecrets;
  }
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    embeddedPgPassword: randomBytes(24).toString('base64url'),
  };
  // 0755 on the folder: the embedded PostgreSQL runs as user `postgres` when we are root.
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
