import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { OidcProviderConfig } from '../config/config';
import type { IdTokenVerifier, VerifiedIdentity } from '../ports/id-token-verifier.port';
import { IdentityProvider } from '../domain/accounts/user-identity.entity';
import { DomainError, UnauthenticatedError } from '../domain/errors';

/**
 * OIDC id-token verification with `jose` against each provider's issuer, audience and JWKS.
 * JWKS are fetched lazily and cached by jose (with cooldown), so key rotation just works.
 */
export class JoseIdTokenVerifier implements IdTokenVerifier {
  private readonly keySets = new Map<IdentityProvider, JWTVerifyGetKey>();

  constructor(private readonly providers: Partial<Record<IdentityProvider, OidcProviderConfig>>) {}

  supports(provider: IdentityProvider): boolean {
    return Boolean(this.providers[provider]);
  }

  async verify(provider: IdentityProvider, idToken: string): Promise<VerifiedIdentity> {
    const config = this.providers[provider];
    if (!config) {
      throw new DomainError('IDENTITY_PROVIDER_NOT_CONFIGURED', `Sign-in with ${provider} is not configured`);
    }
    let keys = this.keySets.get(provider);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5000 });
      this.keySets.set(provider, keys);
    }
    try {
      const { payload } = await jwtVerify(idToken, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['RS256', 'ES256'],
        clockTolerance: 30,
      });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new Error('no subject');
      // Apple sends email_verified as the string "true".
      const emailVerified = payload.email_verified === true || payload.email_verified === 'true';
      return {
        provider,
        subject: payload.sub,
        email: typeof payload.email === 'string' ? payload.email.toLowerCase() : undefined,
        emailVerified,
        name: typeof payload.name === 'string' ? payload.name : undefined,
      };
    } catch (err) {
      // The provider's keys could not be fetched: not the client's fault, and retryable.
      if (err instanceof joseErrors.JWKSTimeout || (err instanceof TypeError && /fetch/i.test(err.message))) {
        throw new DomainError('IDENTITY_PROVIDER_UNAVAILABLE', `Could not reach the ${provider} key set; try again`);
      }
      throw new UnauthenticatedError('Invalid id token', { reason: 'ID_TOKEN_INVALID' });
    }
  }
}

export function identityProvidersFromConfig(oidc: { google?: OidcProviderConfig; apple?: OidcProviderConfig }) {
  return { [IdentityProvider.GOOGLE]: oidc.google, [IdentityProvider.APPLE]: oidc.apple };
}
