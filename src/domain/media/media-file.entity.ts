import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { Persona } from '../personas/persona.entity';

/** What an upload is for: it decides the accepted types, the size limit and the processing. */
export enum MediaPurpose {
  /** A chat screenshot to read into messages (kept lossless for OCR). */
  SCREENSHOT = 'SCREENSHOT',
  /** A persona's profile picture. */
  AVATAR = 'AVATAR',
  /** Another photo of the persona's life (hobbies, places, pets). */
  LIFESTYLE = 'LIFESTYLE',
  /** A voice recording. */
  AUDIO = 'AUDIO',
}

/**
 * One uploaded file. Its bytes live in the object store, sealed with the owner's data key,
 * under `objectKey`; this row holds only metadata. Photo observations from a vision model
 * are sealed too (`analysis`): they describe a real person.
 */
@Entity({ tableName: 'media_files' })
@Index({ properties: ['owner', 'createdAt'] })
export class MediaFile {
  [OptionalProps]?: 'persona' | 'width' | 'height' | 'analysis' | 'analysisModel' | 'analyzedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @ManyToOne(() => Persona, { ref: true, nullable: true, deleteRule: 'cascade' })
  @Index()
  persona: Ref<Persona> | null = null;

  @Enum({ items: () => MediaPurpose, nativeEnumName: 'media_purpose' })
  purpose!: MediaPurpose;

  /** Detected from the bytes, never taken from the client. */
  @Property({ type: 'string', length: 40 })
  contentType!: string;

  @Property({ type: 'integer' })
  byteSize!: number;

  @Property({ type: 'integer', nullable: true })
  width: number | null = null;

  @Property({ type: 'integer', nullable: true })
  height: number | null = null;

  /** SHA-256 of the stored (processed) bytes. */
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'string', length: 200 })
  objectKey!: string;

  /** Sealed JSON of the vision model's observations (`enc1:` text, see field-cipher). */
  @Property({ type: 'text', nullable: true })
  analysis: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  analysisModel: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  analyzedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** Where a file's bytes live: under its owner, so erasure deletes one prefix. */
export function mediaObjectKey(ownerId: string, mediaId: string, suffix = ''): string {
  return `users/${ownerId.toLowerCase()}/media/${mediaId}${suffix}`;
}

export function ownerMediaPrefix(ownerId: string): string {
  return `users/${ownerId.toLowerCase()}/`;
}
