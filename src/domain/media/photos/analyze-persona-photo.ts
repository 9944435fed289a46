import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { ModelProvider } from '../../../ports/model-provider.port';
import type { Clock } from '../../../ports/clock.port';
import type { DataKeyRing } from '../../../ports/data-key-ring.port';
import type { ObjectStore } from '../../../ports/object-store.port';
import { DomainError, ValidationError } from '../../errors';
import { findOwnPersona } from '../../personas/find-own-persona';
import { PersonaKind } from '../../personas/persona.entity';
import { validateInput } from '../../validate-input';
import { findOwnMedia } from '../find-own-media';
import { MediaFile, MediaPurpose } from '../media-file.entity';
import { analyzePhotoPrompt, photoObservationsSchema, type PhotoObservationKind } from './photo-prompts';

export interface PhotoObservation {
  kind: PhotoObservationKind;
  note: string;
  /** The photo (media file id) the observation comes from. */
  citations: string[];
}

export interface PhotoDeps {
  em: EntityManager;
  objects: ObjectStore;
  llm: ModelProvider;
  dataKeys: DataKeyRing;
  clock: Clock;
}

const PHOTO_PURPOSES = [MediaPurpose.AVATAR, MediaPurpose.LIFESTYLE];

/**
 * Analyses a persona photo through the provider layer's vision input: the (EXIF-free,
 * resized) image goes to a vision model as an image part, the observations come back
 * structured, each citing the photo, and are kept sealed with the owner's data key. Without
 * a vision model the provider refuses with VISION_NOT_CONFIGURED and the stored photo is
 * untouched. A partner is a real person: analysing their photos needs consent, as for their
 * messages.
 */
export async function analyzePersonaPhoto(deps: PhotoDeps, ownerId: string, input: unknown): Promise<{ file: MediaFile; observations: PhotoObservation[] }> {
  const { photoId } = validateInput(z.object({ photoId: z.string() }), input);
  const file = await findOwnMedia(deps.em, ownerId, photoId);
  if (!PHOTO_PURPOSES.includes(file.purpose) || !file.persona) throw new ValidationError('input.photoId', 'Not a persona photo (upload it as AVATAR or LIFESTYLE with a personaId)');
  const persona = await findOwnPersona(deps.em, ownerId, file.persona.id);
  if (persona.kind === PersonaKind.PARTNER && !persona.consentGiven) {
    throw new DomainError('CONSENT_REQUIRED', 'Confirm you may use this person’s photos (setPersonaConsent) before analysing them');
  }
  const bytes = await deps.objects.get(file.objectKey);
  if (!bytes) throw new Error(`media ${file.id}: object missing from the store`);
  const { value, model } = await deps.llm.structured<{ observations: { kind: PhotoObservationKind; note: string }[] }>({
    tier: 'fast',
    temperature: 0,
    maxTokens: 700,
    schema: photoObservationsSchema,
    schemaName: 'photo_observations',
    messages: [
      { role: 'system', content: analyzePhotoPrompt.render({ name: persona.name, photoKind: file.purpose === MediaPurpose.AVATAR ? 'profile' : 'lifestyle' }) },
      { role: 'user', content: 'The photo:', images: [{ url: `data:${file.contentType};base64,${bytes.toString('base64')}` }] },
    ],
    tag: { userId: ownerId, agent: 'media', node: 'analyze-photo', purpose: 'photo-analysis', prompt: { name: analyzePhotoPrompt.name, version: analyzePhotoPrompt.version } },
  });
  const observations: PhotoObservation[] = (value.observations ?? []).slice(0, 8).map((o) => ({ kind: o.kind, note: String(o.note).slice(0, 300), citations: [file.id] }));
  file.analysis = await deps.dataKeys.sealText(ownerId, JSON.stringify(observations), analysisPlace(file));
  file.analysisModel = model;
  file.analyzedAt = deps.clock.now();
  await deps.em.flush();
  return { file, observations };
}

/** A photo's stored observations, opened; empty when it was never analysed. */
export async function photoObservations(dataKeys: DataKeyRing, file: MediaFile): Promise<PhotoObservation[]> {
  if (!file.analysis) return [];
  const opened = await dataKeys.openText(file.owner.id, file.analysis, analysisPlace(file));
  if (opened === null) throw new Error(`media ${file.id}: analysis is sealed and its owner has no data key`);
  return JSON.parse(opened) as PhotoObservation[];
}

function analysisPlace(file: MediaFile): string {
  return JSON.stringify(['media', 'analysis', file.owner.id.toLowerCase(), file.id]);
}

/** The photos of an own persona, newest first. */
export async function listPersonaPhotos(em: EntityManager, ownerId: string, personaId: string): Promise<MediaFile[]> {
  const persona = await findOwnPersona(em, ownerId, personaId);
  return em.find(MediaFile, { persona: persona.id, purpose: { $in: PHOTO_PURPOSES } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}
