import type { EntityManager } from '@mikro-orm/postgresql';
import { findOwned, type OwnedKind } from '../access/find-owned';
import { ResourceKind } from '../access/resource-kind';
import { NotFoundError } from '../errors';
import { MediaFile } from './media-file.entity';

export const MEDIA_FILES: OwnedKind<MediaFile> = {
  kind: ResourceKind.MEDIA,
  entity: MediaFile,
  ownerOf: (m) => m.owner.id,
  notFound: () => new NotFoundError('NOT_FOUND', 'File not found'),
};

/** Another user's file, a deleted one and a malformed id all answer NOT_FOUND alike (and are audited). */
export function findOwnMedia(em: EntityManager, ownerId: string, mediaId: string): Promise<MediaFile> {
  return findOwned(em, MEDIA_FILES, ownerId, mediaId);
}
