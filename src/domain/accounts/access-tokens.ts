import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Clock } from '../../ports/clock.port';
import { UnauthenticatedError } from '../errors';
import type { Role, Tier } from '../tiers';

/** What an access token asserts. Tier and role are hints; the user row stays authoritative. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
  role: Role;
  tier: Tier;
}

const ISSUER = 'soullink';
const AUDIENCE = 'soullink-api';

/** Short-lived HS256 access tokens (JWT). Issued and checked against the clock's time, so a test can let one expire without waiting. */
export class AccessTokens {
  private readonly secret: Uint8Array<ArrayBuffer>;
  // Imported once: handing jose raw bytes makes it import the key again on every request.
  private key: Promise<CryptoKey> | undefined;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    this.secret = new TextEncoder().encode(secret) as Uint8Array<ArrayBuffer>;
  }

  private hmacKey(): Promise<CryptoKey> {
    this.key ??= crypto.subtle.importKey('raw', this.secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    return this.key;
  }

  /** Signs a token issued at `now` (the clock's time unless given: a session's tokens share its instant). */
  async issue(claims: AccessClaims, now: Date = this.clock.now()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId, role: claims.role, tier: claims.tier })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(await this.hmacKey());
    return { token, expiresAt: new Date((iat + this.ttlSeconds) * 1000) };
  }

  /** Verifies signature, issuer, audience and expiry; throws UNAUTHENTICATED with a reason. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.hmacKey(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: this.clock.now() });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
        throw new UnauthenticatedError('Malformed access token', { reason: 'MALFORMED' });
      }
      return { userId: payload.sub, sessionId: payload.sid, role: payload.role as Role, tier: payload.tier as Tier };
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Access token expired', { reason: 'TOKEN_EXPIRED' });
      throw new UnauthenticatedError('Invalid access token', { reason: 'TOKEN_INVALID' });
    }
  }
}
