import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { AccessTokens } from './access-tokens';
import type { IdTokenVerifier } from '../../ports/id-token-verifier.port';

/** What account operations need; the request context supplies a forked EntityManager. */
export interface AccountDeps {
  em: EntityManager;
  accessTokens: AccessTokens;
  idTokens: IdTokenVerifier;
  events: EventBus;
  refreshTokenTtlDays: number;
  /** Session and token times, expiries included. */
  clock: Clock;
}

/** Client facts recorded on a new session (never secrets). */
export interface SessionMeta {
  userAgent?: string;
}
