import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MediaPurpose, type MediaFile } from '../../src/domain/media/media-file.entity';

registerEnumType(MediaPurpose, {
  name: 'MediaPurpose',
  description: 'What an upload is for: SCREENSHOT (a chat screenshot to read), AVATAR and LIFESTYLE (persona photos), AUDIO (a voice recording).',
  valuesConfig: {
    SCREENSHOT: { description: 'A chat screenshot to read into messages (kept lossless for OCR).' },
    AVATAR: { description: 'A persona’s profile picture.' },
    LIFESTYLE: { description: 'Another photo of the persona’s life (hobbies, places, pets).' },
    AUDIO: { description: 'A voice recording, or speech SoulLink generated.' },
  },
});

@ObjectType('MediaFile', {
  description: 'A file you uploaded (POST /v1/media). Its bytes are stored encrypted with your data key; only you can read them (GET /v1/media/{id}).',
})
export class MediaFileType {
  @Field(() => ID, { description: 'The file’s id (GET /v1/media/{id} returns its bytes).' })
  id!: string;

  @Field(() => MediaPurpose, { description: 'What it was uploaded for.' })
  purpose!: MediaPurpose;

  @Field(() => ID, { nullable: true, description: 'The persona a photo belongs to.' })
  personaId!: string | null;

  @Field({ description: 'Detected from the file’s content (e.g. image/png), never from its name.' })
  contentType!: string;

  @Field(() => Int, { description: 'Size as stored (images are re-encoded without metadata).' })
  byteSize!: number;

  @Field(() => Int, { nullable: true, description: 'Pixels, for images.' })
  width!: number | null;

  @Field(() => Int, { nullable: true, description: 'Pixels, for images.' })
  height!: number | null;

  @Field({ description: 'When it was uploaded.' })
  createdAt!: Date;

  static from(f: MediaFile): MediaFileType {
    return Object.assign(new MediaFileType(), {
      id: f.id,
      purpose: f.purpose,
      personaId: f.persona?.id ?? null,
      contentType: f.contentType,
      byteSize: f.byteSize,
      width: f.width,
      height: f.height,
      createdAt: f.createdAt,
    });
  }
}
