import { Field, ID, ObjectType } from 'type-graphql';
import { ImportResultType } from './import-result.type';
import { PersonaPhotoType } from './photo.type';
import { ScreenshotImportPreviewType } from './screenshot-import.type';
import { PersonaVoiceType } from './voice.type';

@ObjectType('DeleteMediaFilePayload', { description: 'The file that was deleted, with everything derived from it (such as text read from a screenshot before import).' })
export class DeleteMediaFilePayload {
  @Field(() => ID, { description: 'The id of the file that was deleted.' })
  deletedMediaFileId!: string;
}

@ObjectType('PreviewScreenshotImportPayload', { description: 'The result of previewScreenshotImport; nothing is imported yet.' })
export class PreviewScreenshotImportPayload {
  @Field(() => ScreenshotImportPreviewType, { description: 'The messages read and the proposed speaker mapping, to confirm with importScreenshots.' })
  preview!: ScreenshotImportPreviewType;
}

@ObjectType('ImportScreenshotsPayload', { description: 'The result of importScreenshots.' })
export class ImportScreenshotsPayload {
  @Field(() => ImportResultType, { description: 'What the import added.' })
  chatLogImport!: ImportResultType;
}

@ObjectType('AnalyzePersonaPhotoPayload', { description: 'The result of analyzePersonaPhoto.' })
export class AnalyzePersonaPhotoPayload {
  @Field(() => PersonaPhotoType, { description: 'The photo with its observations.' })
  photo!: PersonaPhotoType;
}

@ObjectType('SetPersonaVoicePayload', { description: 'The result of setPersonaVoice.' })
export class SetPersonaVoicePayload {
  @Field(() => PersonaVoiceType, { description: 'The persona’s voice as it is now.' })
  voice!: PersonaVoiceType;
}
