import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { findOwnMedia } from '../../src/domain/media/find-own-media';
import { analyzePersonaPhoto, listPersonaPhotos, photoObservations } from '../../src/domain/media/photos/analyze-persona-photo';
import { deleteMedia } from '../../src/domain/media/read-media';
import { importScreenshots } from '../../src/domain/media/screenshots/import-screenshots';
import { previewScreenshotImport } from '../../src/domain/media/screenshots/preview-screenshot-import';
import type { AuthedContext } from '../context.type';
import { AnalyzePersonaPhotoInput, DeleteMediaFileInput, ImportScreenshotsInput, PreviewScreenshotImportInput } from '../inputs/media.input';
import { ImportResultType } from '../types/import-result.type';
import { MediaFileType } from '../types/media.type';
import { AnalyzePersonaPhotoPayload, DeleteMediaFilePayload, ImportScreenshotsPayload, PreviewScreenshotImportPayload } from '../types/media.payload';
import { HEAVY_COMPUTE_COMPLEXITY, MODEL_CALL_COMPLEXITY } from '../limits/field-complexity';
import { PersonaPhotoType } from '../types/photo.type';
import { ScreenshotImportPreviewType, type BubbleSideEnum } from '../types/screenshot-import.type';

/** Uploaded files (the bytes travel over POST /v1/media), chat screenshots → messages, persona photos. */
@Resolver()
export class MediaResolver {
  @Authorized()
  @Query(() => MediaFileType, { description: 'One of your uploaded files. Another user’s file answers NOT_FOUND.' })
  async mediaFile(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The file.' }) id: string): Promise<MediaFileType> {
    return MediaFileType.from(await findOwnMedia(ctx.em, ctx.principal.user.id, id));
  }

  @Authorized()
  @Mutation(() => DeleteMediaFilePayload, { description: 'Deletes one of your files and what was derived from it. Messages already imported from a screenshot stay in the persona.' })
  async deleteMediaFile(@Ctx() ctx: AuthedContext, @Arg('input', () => DeleteMediaFileInput, { description: 'Which file.' }) input: DeleteMediaFileInput): Promise<DeleteMediaFilePayload> {
    await deleteMedia({ em: ctx.em, objects: ctx.services.objects }, ctx.principal.user.id, input.id);
    return { deletedMediaFileId: input.id };
  }

  @Authorized()
  @Mutation(() => PreviewScreenshotImportPayload, {
    complexity: HEAVY_COMPUTE_COMPLEXITY,
    description:
      'Reads chat screenshots offline (OCR, Chinese and English) into messages by side, with times, system lines dropped and overlaps stitched, and proposes who is who. Nothing is imported: confirm with importScreenshots. SCREENSHOT_UNREADABLE when no message could be read.',
  })
  async previewScreenshotImport(@Ctx() ctx: AuthedContext, @Arg('input', () => PreviewScreenshotImportInput, { description: 'The persona and the uploaded screenshots, in order.' }) input: PreviewScreenshotImportInput): Promise<PreviewScreenshotImportPayload> {
    const preview = await previewScreenshotImport(this.screenshotDeps(ctx), ctx.principal.user.id, ctx.principal.user.displayName ?? '', input);
    return {
      preview: Object.assign(new ScreenshotImportPreviewType(), {
        ...preview,
        messages: preview.messages.map((m) => ({ ...m, side: m.side as BubbleSideEnum })),
        proposedMapping: { ...preview.proposedMapping, personaSide: preview.proposedMapping.personaSide as BubbleSideEnum },
      }),
    };
  }

  @Authorized()
  @Mutation(() => ImportScreenshotsPayload, {
    description:
      'Imports previewed chat screenshots into a persona with the speaker mapping you confirmed or corrected, like a chat-log export: re-importing adds nothing twice, and a partner needs consent before analysis.',
  })
  async importScreenshots(@Ctx() ctx: AuthedContext, @Arg('input', () => ImportScreenshotsInput, { description: 'The persona, the screenshots and the speaker mapping you confirmed.' }) input: ImportScreenshotsInput): Promise<ImportScreenshotsPayload> {
    const result = await importScreenshots({ ...this.screenshotDeps(ctx), transcripts: ctx.services.transcripts, dataKeys: ctx.services.dataKeys, clock: ctx.services.clock }, ctx.principal.user.id, input);
    return { chatLogImport: Object.assign(new ImportResultType(), result) };
  }

  @Authorized()
  @Query(() => [PersonaPhotoType], { description: 'A persona’s photos (at most 50), newest first.' })
  async personaPhotos(@Ctx() ctx: AuthedContext, @Arg('personaId', () => ID, { description: 'One of your personas.' }) personaId: string): Promise<PersonaPhotoType[]> {
    const files = await listPersonaPhotos(ctx.em, ctx.principal.user.id, personaId);
    return Promise.all(files.map(async (f) => PersonaPhotoType.from(f, await photoObservations(ctx.services.dataKeys, f))));
  }

  @Authorized()
  @Mutation(() => AnalyzePersonaPhotoPayload, {
    complexity: MODEL_CALL_COMPLEXITY,
    description:
      'Analyses a persona photo with the vision model into observations that cite it. VISION_NOT_CONFIGURED without a vision model (LLM_VISION_MODELS); the photo stays stored either way. A partner needs consent (CONSENT_REQUIRED).',
  })
  async analyzePersonaPhoto(@Ctx() ctx: AuthedContext, @Arg('input', () => AnalyzePersonaPhotoInput, { description: 'Which photo.' }) input: AnalyzePersonaPhotoInput): Promise<AnalyzePersonaPhotoPayload> {
    const { file, observations } = await analyzePersonaPhoto(
      { em: ctx.em, objects: ctx.services.objects, llm: ctx.services.llm, dataKeys: ctx.services.dataKeys, clock: ctx.services.clock },
      ctx.principal.user.id,
      input,
    );
    return { photo: PersonaPhotoType.from(file, observations) };
  }

  private screenshotDeps(ctx: AuthedContext) {
    return { em: ctx.em, objects: ctx.services.objects, ocr: ctx.services.ocr };
  }
}
