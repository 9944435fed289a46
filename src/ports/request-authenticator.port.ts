import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../domain/accounts/authenticate';

/**
 * Access-token authentication of the API's requests, HTTP and websockets alike
 * (src/auth/cached-authenticator.ts): built, started and closed once per process by the
 * composition root, used by the one context factory.
 */
export interface RequestAuthenticator {
  /** The token's active session and its user, managed by `em`; throws UnauthenticatedError when the token is bad, expired or revoked. */
  authenticate(em: EntityManager, token: string): Promise<Principal>;
}
