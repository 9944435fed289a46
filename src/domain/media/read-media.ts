import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObjectStore } from '../../ports/object-store.port';
import { findOwnMedia } from './find-own-media';
import type { MediaFile } from './media-file.entity';

/** An own file with its (decrypted) bytes. */
export async function readMedia(deps: { em: EntityManager; objects: ObjectStore }, ownerId: string, mediaId: string): Promise<{ file: MediaFile; bytes: Buffer }> {
  const file = await findOwnMedia(deps.em, ownerId, mediaId);
  const bytes = await deps.objects.get(file.objectKey);
  // A row whose bytes are gone is a broken invariant, not a missing file: say so loudly.
  if (!bytes) throw new Error(`media ${file.id}: object missing from the store`);
  return { file, bytes };
}

/** Deletes an own file: its bytes (and derived objects such as OCR results), then its row. */
export async function deleteMedia(deps: { em: EntityManager; objects: ObjectStore }, ownerId: string, mediaId: string): Promise<void> {
  const file = await findOwnMedia(deps.em, ownerId, mediaId);
  await deps.objects.deletePrefix(file.objectKey);
  await deps.em.remove(file).flush();
}
