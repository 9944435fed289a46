import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app-services';
import { ValidationError } from '../domain/errors';
import { beginDatasetUpload } from '../domain/studies/begin-dataset-upload';
import type { StudyDataset } from '../domain/studies/study-dataset.entity';
import { UPLOAD_LIMITS } from '../domain/studies/study-input';
import { uploadDatasetPairs } from '../domain/studies/upload-dataset-pairs';
import { uploadDatasetPeople } from '../domain/studies/upload-dataset-people';
import type { ContextFactory } from './context-factory';
import { BodyTooLargeError, readBody } from './read-body';
import { authenticatedUser, methodNotAllowed, sendError, sendJson } from './rest-responses';

export const STUDY_DATASETS_PATH = '/v1/study-datasets';
const TABLE_PATH = /^\/v1\/study-datasets\/([^/]+)\/(people|pairs)$/;
const HEADER_MAX_BYTES = 1024 * 1024;

/** HTTP status of this route's own error codes (the body carries the code itself; see rest-responses.ts). */
const STATUS: Readonly<Record<string, number>> = { STUDY_DATASET_INVALID: 400 };

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
      // The same budgets as the createStudyDataset mutation: the global one and uploads ('import').
      const ownerId = await authenticatedUser(services, contexts, req, ['import']);
      const em = services.orm.em.fork();
      const deps = { em, blobs: services.studyDatasets };
      if (!table) {
        if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
        const header = await readJson(req);
        sendJson(res, 201, view(await beginDatasetUpload(em, ownerId, header)));
        return true;
      }
      if (req.method !== 'PUT') return methodNotAllowed(res, 'PUT');
      const [, datasetId, which] = table;
      const limit = UPLOAD_LIMITS[which as 'people' | 'pairs'].maxBytes;
      if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyTooLargeError(limit);
      const body = req as AsyncIterable<Uint8Array>;
      if (which === 'people') {
        const { dataset, people } = await uploadDatasetPeople(deps, ownerId, datasetId!, body);
        sendJson(res, 200, { ...view(dataset), peopleRows: people });
      } else {
        sendJson(res, 200, view(await uploadDatasetPairs(deps, ownerId, datasetId!, body)));
      }
    } catch (err) {
      sendError(res, err, services, 'study dataset upload', STATUS);
    }
    return true;
  };
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
