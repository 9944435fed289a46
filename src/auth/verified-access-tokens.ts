import { decodeJwt } from 'jose';
import type { AccessClaims, AccessTokens } from '../domain/accounts/access-tokens';
import type { Clock } from '../ports/clock.port';

/** Distinct tokens remembered (one per signed-in device that called lately); the oldest go first. */
const MAX_TOKENS = 10_000;

/**
 * Remembers the claims of access tokens whose signature, issuer and audience checked out, so
 * a client's next request with the same token skips the HMAC (a WebCrypto job on the thread
 * pool) and the claim parsing: a token's signature does not change. Expiry is not remembered:
 * it is compared with the clock on every call, and an expired token goes to
 * AccessTokens.verify again, which refuses it with its usual reason. Only tokens that passed
 * are kept, so a caller without the key cannot fill the map.
 */
export class VerifiedAccessTokens {
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAtSeconds: number }>();

  constructor(
    private readonly tokens: AccessTokens,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token);
    // Same comparison as jose's (exp <= now: expired), on the same clock.
    if (known && Math.floor(this.clock.now().getTime() / 1000) < known.expiresAtSeconds) return known.claims;
    if (known) this.verified.delete(token);
    const claims = await this.tokens.verify(token);
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') {
      if (this.verified.size >= MAX_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { claims, expiresAtSeconds: exp });
    }
    return claims;
  }

  /**
   * The AccessTokens to hand to code that takes one (authenticate): every method as the
   * original's, verify through this memory.
   */
  asAccessTokens(): AccessTokens {
    return Object.create(this.tokens, { verify: { value: (token: string) => this.verify(token) } }) as AccessTokens;
  }
}
