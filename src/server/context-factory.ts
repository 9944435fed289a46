import { randomUUID } from 'node:crypto';
import type { GraphQLContext } from '../../graphql/context.type';
import { createRequestLoaders } from '../../graphql/loaders/request-loaders';
import type { AppServices } from '../app-services';
import type { Principal } from '../domain/accounts/authenticate';
import type { Logger } from '../observability/logger';
import type { RequestAuthenticator } from '../ports/request-authenticator.port';
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
 * EntityManager (an identity map per request, never shared between users). Tokens are
 * checked by the app's authenticator (`services.authenticator`, src/auth/cached-authenticator.ts,
 * built, started and closed by the composition root): a client's repeated requests reuse its
 * verified token and, until something ends or changes it, its session's user row.
 */
export class ContextFactory {
  private readonly authenticator: RequestAuthenticator;

  constructor(private readonly services: AppServices) {
    this.authenticator = services.authenticator;
  }

  /** Verifies an access token; throws UNAUTHENTICATED when it is bad, expired or revoked. */
  authenticate(token: string): Promise<Principal> {
    return this.authenticator.authenticate(this.services.orm.em.fork(), token);
  }

  async create(input: { requestId: string; token?: string; principal?: Principal; userAgent?: string; clientAddress?: string }): Promise<GraphQLContext> {
    const { services } = this;
    const em = services.orm.em.fork();
    let principal = input.principal;
    let authError: UnauthenticatedError | undefined;
    if (!principal && input.token) {
      // A bad token does not fail the request: public operations (login, refreshSession)
      // still work, and protected ones report the reason through @Authorized.
      try {
        principal = await this.authenticator.authenticate(em, input.token);
      } catch (err) {
        if (!(err instanceof UnauthenticatedError)) throw err;
        authError = err;
      }
    }
    if (principal) principal = { ...principal, user: em.merge(principal.user) };
    const { requestId } = input;
    const userId = principal?.user.id;
    // The request's child logger is built when something logs through it: the operation's
    // own log line (observability-plugin.ts) writes the same fields through the root logger.
    let log: Logger | undefined;
    return {
      requestId,
      principal,
      authError,
      em,
      loaders: createRequestLoaders(services, em),
      services,
      get log() {
        return (log ??= services.logger.child({ requestId, userId }));
      },
      userAgent: input.userAgent,
      clientAddress: input.clientAddress,
    };
  }
}
