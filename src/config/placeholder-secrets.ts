/**
 * Secrets that are public: the placeholders in docker-compose.yml and .env.example, and keys
 * with no randomness. Production refuses them, because anyone who has read this repository
 * could forge access tokens or unwrap data keys with them.
 */
export const PUBLIC_JWT_SECRETS: readonly string[] = [
  'change-me-to-a-long-random-string-of-48-chars',
  'replace-me-with-at-least-32-random-characters',
];

/** The example MASTER_KEY printed in .env.example (never use it). */
export const EXAMPLE_MASTER_KEY = 'c291bGxpbmstZXhhbXBsZS1rZXktZG8tbm90LXVzZSE=';

/** Why `secret` is not acceptable as JWT_SECRET in production, or undefined when it is. */
export function placeholderJwtSecretProblem(secret: string): string | undefined {
  if (PUBLIC_JWT_SECRETS.includes(secret) || /change-?me|replace-?me|placeholder|example/i.test(secret)) {
    return 'is a published placeholder; set at least 32 random characters (openssl rand -base64 48)';
  }
  if (new Set(secret).size < 8) return 'has almost no randomness; set at least 32 random characters (openssl rand -base64 48)';
  return undefined;
}

/** Why `key` (32 decoded bytes) is not acceptable as a master key in production, or undefined when it is. */
export function placeholderMasterKeyProblem(encoded: string, key: Buffer): string | undefined {
  if (encoded === EXAMPLE_MASTER_KEY || key.equals(Buffer.from(EXAMPLE_MASTER_KEY, 'base64'))) {
    return 'is the example key from .env.example; generate one with openssl rand -base64 32';
  }
  if (new Set(key).size < 8) return 'has almost no randomness (all zeros or a repeated byte); generate one with openssl rand -base64 32';
  return undefined;
}
