import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app-services';
import { ValidationError } from '../domain/errors';
import { MediaPurpose, type MediaFile } from '../domain/media/media-file.entity';
import { MEDIA_LIMITS } from '../domain/media/media-limits';
import { readMedia } from '../domain/media/read-media';
import { storeUpload, tooLarge } from '../domain/media/store-upload';
import type { ContextFactory } from './context-factory';
import { authenticatedUser, methodNotAllowed, sendError, sendJson } from './rest-responses';

export const MEDIA_PATH = '/v1/media';
const FILE_PATH = /^\/v1\/media\/([^/]+)$/;

/** HTTP status of this route's own error codes (the body carries the code itself; see rest-responses.ts). */
const STATUS: Readonly<Record<string, number>> = { PERSONA_NOT_FOUND: 404, MEDIA_TYPE_UNSUPPORTED: 415, MEDIA_TOO_LARGE: 413 };

/**
 * Uploads and downloads of files (chat screenshots, persona photos, audio), authenticated
 * like GraphQL (`Authorization: Bearer <access token>`, checked by the same context factory):
 *
 *   POST /v1/media?purpose=SCREENSHOT|AVATAR|LIFESTYLE|AUDIO[&personaId=…]   raw bytes → 201, the file
 *   GET  /v1/media/{id}                                                      → 200, your file's bytes
 *
 * The body streams in and is refused as soon as its first bytes are not an accepted type
 * (415 MEDIA_TYPE_UNSUPPORTED; the name and the client's content type are ignored) or it
 * passes the size limit (413 MEDIA_TOO_LARGE: images 10 MB, audio 25 MB). Another user's
 * file answers 404 NOT_FOUND, like a missing one. Errors have GraphQL's shape:
 * {"errors":[{"message","extensions":{"code",…}}]}. Returns false for paths that are not its own.
 */
export function mediaUploadRoute(services: AppServices, contexts: ContextFactory) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const file = FILE_PATH.exec(url.pathname);
    if (url.pathname !== MEDIA_PATH && !file) return false;
    try {
      // Counted like any request (the study upload does the same); the costly steps — OCR and
      // vision — are limited on their own mutations.
      const ownerId = await authenticatedUser(services, contexts, req);
      const deps = { em: services.orm.em.fork(), objects: services.objects };
      if (file) {
        if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
        const { file: found, bytes } = await readMedia(deps, ownerId, decodeURIComponent(file[1]!));
        res
          .writeHead(200, { 'content-type': found.contentType, 'content-length': bytes.length, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' })
          .end(bytes);
        return true;
      }
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      const purpose = url.searchParams.get('purpose') ?? '';
      if (!(purpose in MEDIA_LIMITS)) throw new ValidationError('purpose', `purpose must be one of ${Object.keys(MediaPurpose).join(', ')}`);
      // A declared length over the limit is refused before a byte is read.
      const limit = MEDIA_LIMITS[purpose as MediaPurpose].maxBytes;
      if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
      const stored = await storeUpload(deps, ownerId, { purpose, personaId: url.searchParams.get('personaId') ?? undefined }, req);
      sendJson(res, 201, view(stored));
    } catch (err) {
      sendError(res, err, services, 'media request', STATUS);
    }
    return true;
  };
}

/** What a client sees of an uploaded file (the same fields as GraphQL's MediaFile). */
function view(f: MediaFile) {
  return { id: f.id, purpose: f.purpose, personaId: f.persona?.id ?? null, contentType: f.contentType, byteSize: f.byteSize, width: f.width, height: f.height, createdAt: f.createdAt.toISOString() };
}
