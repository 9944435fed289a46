import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app-services';
import { DomainError, UnauthenticatedError, ValidationError } from '../domain/errors';
import { enforceRateLimit } from '../domain/rate-limits/enforce-rate-limit';
import { beginDatasetUpload } from '../domain/studies/begin-dataset-upload';
import type { StudyDataset } from '../domain/studies/study-dataset.entity';
import { UPLOAD_LIMITS } from '../domain/studies/study-input';
import { uploadDatasetPairs } from '../domain/studies/upload-dataset-pairs';
import { uploadDatasetPeople } from '../domain/studies/upload-dataset-people';
import { bearerToken, type ContextFactory } from './context-factory';
import { BodyTooLargeError, readBody } from './read-body';

export const STUDY_DATASETS_PATH = '/v1/study-datasets';
const TABLE_PATH = /^\/v1\/study-datasets\/([^/]+)\/(people|pairs)$/;
const HEADER_MAX_BYTES = 1024 * 1024;

/** HTTP status of a domain error code on this route (the body carries the code itself). */
const STATUS: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  STUDY_DATASET_INVALID: 400,
  RATE_LIMITED: 429,
};

/**
 * The streamed upload of study datasets too large for a GraphQL mutation, authenticated like
 * GraphQL (`Authorization: Bearer <access token>`, checked by the same context factory):
 *
 *   POST /v1/study-datasets                  {"name","format":"CSV"|"JSON","schema"} → 201, an UPLOADING dataset
 *   PUT  /v1/study-datasets/{id}/people      the raw people table → 200
 *   PUT  /v1/study-datasets/{id}/pairs       the raw pairs table  → 200, the dataset READY
 *
 * Table bodies go straight into the kernel's parsers as they arrive. A bad row answers 400
 * with code STUDY_DATASET_INVALID and its table, line and column, and discards the upload:
 * nothing of it stays. Errors have GraphQL's shape: {"errors":[{"message","extensions":{"code",…}}]}.
 * Returns false for paths that are not its own.
 */
export function studyDatasetUploadRoute(services: AppServices, contexts: ContextFactory) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const table = TABLE_PATH.exec(url.pathname);
    if (url.pathname !== STUDY_DATASETS_PATH && !table) return false;
    try {
      const ownerId = await authenticatedUser(services, contexts, req);
      const em = services.orm.em.fork();
      const deps = { em, blobs: services.studyDatasets };
      if (!table) {
        if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
        const header = await readJson(req);
        send(res, 201, view(await beginDatasetUpload(em, ownerId, header)));
        return true;
      }
      if (req.method !== 'PUT') return methodNotAllowed(res, 'PUT');
      const [, datasetId, which] = table;
      const limit = UPLOAD_LIMITS[which as 'people' | 'pairs'].maxBytes;
      if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyTooLargeError(limit);
      const body = req as AsyncIterable<Uint8Array>;
      if (which === 'people') {
        const { dataset, people } = await uploadDatasetPeople(deps, ownerId, datasetId!, body);
        send(res, 200, { ...view(dataset), peopleRows: people });
      } else {
        send(res, 200, view(await uploadDatasetPairs(deps, ownerId, datasetId!, body)));
      }
    } catch (err) {
      sendError(res, err, services);
    }
    return true;
  };
}

async function authenticatedUser(services: AppServices, contexts: ContextFactory, req: IncomingMessage): Promise<string> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw new UnauthenticatedError();
  const principal = await contexts.authenticate(token);
  const { rateLimiter, rateRules, logger } = services;
  const deps = { limiter: rateLimiter, rules: rateRules, logger };
  // The same budgets as the createStudyDataset mutation: the global one and uploads ('import').
  await enforceRateLimit(deps, 'global', `user:${principal.user.id}`);
  await enforceRateLimit(deps, 'import', `user:${principal.user.id}`);
  return principal.user.id;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req, HEADER_MAX_BYTES);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError('body', 'The body must be JSON: {"name", "format", "schema"}');
  }
}

function view(d: StudyDataset) {
  return { id: d.id, name: d.name, format: d.format, status: d.status, stats: d.stats, hash: d.hash, createdAt: d.createdAt.toISOString(), readyAt: d.readyAt?.toISOString() ?? null };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  res.writeHead(405, { allow }).end();
  return true;
}

function sendError(res: ServerResponse, err: unknown, services: AppServices): void {
  // A refused upload may still be streaming in: close the connection rather than read the rest.
  res.setHeader('connection', 'close');
  if (err instanceof BodyTooLargeError) {
    send(res, 413, { errors: [{ message: err.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    return;
  }
  if (err instanceof DomainError && err.code !== 'INTERNAL') {
    if (err.code === 'RATE_LIMITED') res.setHeader('retry-after', String(err.details.retryAfterSeconds ?? 1));
    send(res, STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: { ...err.details, code: err.code } }] });
    return;
  }
  services.logger.error({ err }, 'study dataset upload failed');
  send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }] });
}
