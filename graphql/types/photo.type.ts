import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MediaFile } from '../../src/domain/media/media-file.entity';
import type { PhotoObservation } from '../../src/domain/media/photos/analyze-persona-photo';
import { MediaPurpose } from '../../src/domain/media/media-file.entity';

@ObjectType('PhotoObservation', { description: 'Something a vision model saw in a persona photo that bears on who they are.' })
export class PhotoObservationType {
  @Field({ description: 'interest, lifestyle, value, style, social, green-flag or red-flag.' })
  kind!: string;

  @Field({ description: 'What was seen, in a sentence.' })
  note!: string;

  @Field(() => [ID], { description: 'The photo(s) it comes from (media file ids).' })
  citations!: string[];
}

@ObjectType('PersonaPhoto', {
  description: 'An avatar or lifestyle photo of a persona: resized, its metadata (EXIF location, camera) removed, stored encrypted. Analysed on request (analyzePersonaPhoto).',
})
export class PersonaPhotoType {
  @Field(() => ID, { description: 'The media file id (GET /v1/media/{id} for the image).' })
  id!: string;

  @Field(() => ID, { description: 'The persona it belongs to.' })
  personaId!: string;

  @Field(() => MediaPurpose, { description: 'AVATAR or LIFESTYLE.' })
  kind!: MediaPurpose;

  @Field({ description: 'The image type, e.g. image/jpeg.' })
  contentType!: string;

  @Field(() => Int, { description: 'Width in pixels; null if unknown.', nullable: true })
  width!: number | null;

  @Field(() => Int, { description: 'Height in pixels; null if unknown.', nullable: true })
  height!: number | null;

  @Field({ description: 'When it was uploaded.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a vision model last analysed it; null before.' })
  analyzedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The vision model that did.' })
  analysisModel!: string | null;

  @Field(() => [PhotoObservationType], { description: 'Empty before analysis.' })
  observations!: PhotoObservationType[];

  static from(f: MediaFile, observations: PhotoObservation[]): PersonaPhotoType {
    return Object.assign(new PersonaPhotoType(), {
      id: f.id,
      personaId: f.persona!.id,
      kind: f.purpose,
      contentType: f.contentType,
      width: f.width,
      height: f.height,
      createdAt: f.createdAt,
      analyzedAt: f.analyzedAt,
      analysisModel: f.analysisModel,
      observations: observations.map((o) => Object.assign(new PhotoObservationType(), o)),
    });
  }
}
