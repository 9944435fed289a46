import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app-services';
import { DomainError, UnauthenticatedError } from '../domain/errors';
import { enforceRateLimit } from '../domain/rate-limits/enforce-rate-limit';
import type { RateClass } from '../domain/rate-limits/rate-limit-policy';
import { bearerToken, type ContextFactory } from './context-factory';
import { BodyTooLargeError } from './read-body';

/**
 * What the plain-HTTP routes beside GraphQL (media files, streamed study datasets) share:
 * the same sign-in as GraphQL (`Authorization: Bearer <access token>`, checked by the same
 * context factory) and the same rate budgets, and errors in GraphQL's shape
 * ({"errors":[{"message","extensions":{"code",…}}]}) with an HTTP status per code.
 */

/** The signed-in user's id, after the global rate budget and any `budgets` named (e.g. 'import'). */
export async function authenticatedUser(services: AppServices, contexts: ContextFactory, req: IncomingMessage, budgets: RateClass[] = []): Promise<string> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw new UnauthenticatedError();
  const principal = await contexts.authenticate(token);
  const { rateLimiter, rateRules, logger } = services;
  const deps = { limiter: rateLimiter, rules: rateRules, logger };
  for (const budget of ['global', ...budgets] as RateClass[]) await enforceRateLimit(deps, budget, `user:${principal.user.id}`);
  return principal.user.id;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function methodNotAllowed(res: ServerResponse, allow: string): true {
  res.writeHead(405, { allow }).end();
  return true;
}

/** HTTP statuses every route shares; a route adds its own codes. */
const COMMON_STATUS: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, NOT_FOUND: 404, VALIDATION_FAILED: 400, RATE_LIMITED: 429 };

/**
 * Answers a failed request: a domain error with its code and details (and Retry-After when
 * rate limited), an oversized body with 413 PAYLOAD_TOO_LARGE, anything else as 500 INTERNAL,
 * logged (`what` names the request in the log).
 */
export function sendError(res: ServerResponse, err: unknown, services: AppServices, what: string, statuses: Readonly<Record<string, number>> = {}): void {
  // A refused upload may still be streaming in: close the connection rather than read the rest.
  res.setHeader('connection', 'close');
  if (err instanceof BodyTooLargeError) {
    sendJson(res, 413, { errors: [{ message: err.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    return;
  }
  if (err instanceof DomainError && err.code !== 'INTERNAL') {
    if (err.code === 'RATE_LIMITED') res.setHeader('retry-after', String(err.details.retryAfterSeconds ?? 1));
    sendJson(res, statuses[err.code] ?? COMMON_STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: { ...err.details, code: err.code } }] });
    return;
  }
  services.logger.error({ err }, `${what} failed`);
  sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }] });
}
