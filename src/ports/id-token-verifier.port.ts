import type { IdentityProvider } from '../domain/accounts/user-identity.entity';

/** The claims SoulLink uses from a verified OIDC id token. */
export interface VerifiedIdentity {
  provider: IdentityProvider;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

/** Verifies an id token from an external identity provider (Apple, Google). */
export interface IdTokenVerifier {
  /** Whether sign-in with this provider is configured. */
  supports(provider: IdentityProvider): boolean;
  /** Throws UnauthenticatedError when the token is not valid for the configured issuer and audience. */
  verify(provider: IdentityProvider, idToken: string): Promise<VerifiedIdentity>;
}
