import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../src/domain/accounts/authenticate';
import type { UnauthenticatedError } from '../src/domain/errors';
import type { Logger } from '../src/observability/logger';
import type { AppServices } from '../src/app-services';
import type { RequestLoaders } from './loaders/request-loaders';

/**
 * The per-operation context, built by one factory for HTTP and websockets
 * (src/server/context-factory.ts): a forked EntityManager, the signed-in principal if any,
 * and the services wired by the composition root.
 */
export interface GraphQLContext {
  requestId: string;
  principal?: Principal;
  /** Why a presented token was not accepted (expired, revoked...), reported by @Authorized. */
  authError?: UnauthenticatedError;
  em: EntityManager;
  /** Per-operation DataLoaders (graphql/loaders): list fields batch their per-item lookups here. */
  loaders: RequestLoaders;
  services: AppServices;
  log: Logger;
  userAgent?: string;
  /** The client's network address (rate limits for signed-out callers). */
  clientAddress?: string;
}

/** A context whose principal is known (resolvers behind @Authorized). */
export type AuthedContext = GraphQLContext & { principal: Principal };
