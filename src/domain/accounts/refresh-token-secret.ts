import { createHash, randomBytes } from 'node:crypto';

/** A new opaque refresh token (256 bits) and the hash under which it is stored. */
export function newRefreshTokenSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
