import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { ObjectStore } from '../../ports/object-store.port';
import { DomainError, ValidationError } from '../errors';
import { findOwnPersona } from '../personas/find-own-persona';
import { validateInput } from '../validate-input';
import { MediaFile, MediaPurpose, mediaObjectKey } from './media-file.entity';
import { MAX_PHOTOS_PER_PERSONA, MEDIA_LIMITS, PHOTO_MAX_SIDE } from './media-limits';
import { prepareImage } from './prepare-image';
import { SNIFF_BYTES, sniffMediaType, type SniffedType } from './sniff-media-type';

const uploadInput = z.object({
  purpose: z.enum(MediaPurpose),
  personaId: z.string().optional(),
});

export interface MediaDeps {
  em: EntityManager;
  /** The encrypting object store (bytes are sealed with the owner's data key). */
  objects: ObjectStore;
}

/**
 * Stores one upload: the body is read as it streams in and refused as soon as its first
 * bytes are not an accepted type for the purpose (MEDIA_TYPE_UNSUPPORTED) or it passes the
 * purpose's size limit (MEDIA_TOO_LARGE), so a mislabelled or oversized file is never kept.
 * Images are re-encoded without metadata (EXIF location gone); photos are attached to an own
 * persona and shrunk. The bytes go to the object store sealed; the row holds metadata only.
 */
export async function storeUpload(deps: MediaDeps, ownerId: string, input: unknown, body: AsyncIterable<Uint8Array>): Promise<MediaFile> {
  const data = validateInput(uploadInput, input, '');
  const isPhoto = data.purpose === MediaPurpose.AVATAR || data.purpose === MediaPurpose.LIFESTYLE;
  if (isPhoto && !data.personaId) throw new ValidationError('personaId', 'A photo belongs to a persona: give personaId');
  const persona = data.personaId ? await findOwnPersona(deps.em, ownerId, data.personaId) : null;
  if (persona && isPhoto && (await deps.em.count(MediaFile, { persona: persona.id, purpose: { $in: [MediaPurpose.AVATAR, MediaPurpose.LIFESTYLE] } })) >= MAX_PHOTOS_PER_PERSONA) {
    throw new ValidationError('personaId', `A persona has at most ${MAX_PHOTOS_PER_PERSONA} photos`);
  }

  const limits = MEDIA_LIMITS[data.purpose];
  const { bytes: raw, type } = await readChecked(body, limits);
  let stored: { bytes: Buffer; contentType: SniffedType; width: number | null; height: number | null } = { bytes: raw, contentType: type, width: null, height: null };
  if (type.startsWith('image/')) stored = await prepareImage(raw, type, { maxSide: isPhoto ? PHOTO_MAX_SIDE : undefined });

  const file = deps.em.create(MediaFile, {
    owner: ownerId,
    persona: persona?.id ?? null,
    purpose: data.purpose,
    contentType: stored.contentType,
    byteSize: stored.bytes.length,
    width: stored.width,
    height: stored.height,
    sha256: createHash('sha256').update(stored.bytes).digest('hex'),
    objectKey: '',
  });
  file.objectKey = mediaObjectKey(ownerId, file.id);
  await deps.objects.put(file.objectKey, stored.bytes, stored.contentType);
  try {
    await deps.em.flush();
  } catch (err) {
    await deps.objects.delete(file.objectKey);
    throw err;
  }
  return file;
}

/** Reads the body, checking its type on the first bytes and its size on every chunk. */
async function readChecked(body: AsyncIterable<Uint8Array>, limits: (typeof MEDIA_LIMITS)[MediaPurpose]): Promise<{ bytes: Buffer; type: SniffedType }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let type: SniffedType | null | undefined;
  const check = (head: Buffer) => {
    type = sniffMediaType(head);
    if (!type || !limits.types.includes(type)) {
      throw new DomainError('MEDIA_TYPE_UNSUPPORTED', `The file is not ${limits.label} (checked by its content, not its name)`, { accepted: [...limits.types] });
    }
  };
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
    chunks.push(Buffer.from(chunk));
    if (type === undefined && size >= SNIFF_BYTES) check(Buffer.concat(chunks));
  }
  if (size === 0) throw new ValidationError('body', 'The upload is empty');
  if (type === undefined) check(Buffer.concat(chunks));
  return { bytes: Buffer.concat(chunks), type: type! };
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError('MEDIA_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, { maxBytes });
}
