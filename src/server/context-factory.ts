import { randomUUID } from 'node:crypto';
import type { GraphQLContext } from '../../graphql/context.type';
import { createRequestLoaders } from '../../graphql/loaders/request-loaders';
import type { AppServices } from '../app-services';
import { authenticate, type Principal } from '../domain/accounts/authenticate';
import { UnauthenticatedError } from '../domain/errors';

/** Accepts a caller-supplied request id only when it looks like one (no log injection). */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w\-.:]{1,100}$/.test(value) ? value : randomUUID();
}

/** Extracts the token from `Bearer <token>` (HTTP header or websocket connectionParams). */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}

/**
 * The one context factory for HTTP and websockets. Each operation gets its own forked
 * EntityManager (an identity map per request, never shared between users).
 */
export class ContextFactory {
  constructor(private readonly services: AppServices) {}

  /** Verifies an access token; throws UNAUTHENTICATED when it is bad, expired or revoked. */
  authenticate(token: string): Promise<Principal> {
    return authenticate(this.services.orm.em.fork(), this.services.accessTokens, token);
  }

  async create(input: { requestId: string; token?: string; principal?: Principal; userAgent?: string; clientAddress?: string }): Promise<GraphQLContext> {
    const em = this.services.orm.em.fork();
    let principal = input.principal;
    let authError: UnauthenticatedError | undefined;
    if (!principal && input.token) {
      // A bad token does not fail the request: public operations (login, refreshSession)
      // still work, and protected ones report the reason through @Authorized.
      try {
        principal = await authenticate(em, this.services.accessTokens, input.token);
      } catch (err) {
        if (!(err instanceof UnauthenticatedError)) throw err;
        authError = err;
      }
    }
    if (principal) principal = { ...principal, user: em.merge(principal.user) };
    const log = this.services.logger.child({ requestId: input.requestId, userId: principal?.user.id });
    const loaders = createRequestLoaders(this.services, em);
    return { requestId: input.requestId, principal, authError, em, loaders, services: this.services, log, userAgent: input.userAgent, clientAddress: input.clientAddress };
  }
}
