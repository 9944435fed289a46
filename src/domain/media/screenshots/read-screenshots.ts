import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObjectStore } from '../../../ports/object-store.port';
import type { OcrEngine, OcrLine } from '../../../ports/ocr-engine.port';
import { DomainError, ValidationError } from '../../errors';
import { findOwnMedia } from '../find-own-media';
import { MediaPurpose, type MediaFile } from '../media-file.entity';
import { MAX_SCREENSHOTS_PER_IMPORT } from '../media-limits';
import { imagePixels } from './image-pixels';
import { layoutScreenshot } from './layout-screenshot';
import { stitchScreenshots, type StitchResult } from './stitch-screenshots';

export interface ScreenshotDeps {
  em: EntityManager;
  objects: ObjectStore;
  ocr: OcrEngine;
}

export interface ReadConversation extends StitchResult {
  droppedSystemLines: number;
}

/** OCR results are kept beside the screenshot, sealed like it: preview and import read the same lines. */
const OCR_SUFFIX = '.ocr.json';
const OCR_CACHE_VERSION = 1;

/**
 * Reads own chat screenshots, in the order given, into one conversation: OCR (cached per
 * screenshot), then layout (sides, times, system lines) and stitching. Deterministic for the
 * same screenshots and clock, so the preview a user confirms is exactly what gets imported.
 */
export async function readScreenshots(deps: ScreenshotDeps, ownerId: string, screenshotIds: string[], offsetMinutes: number): Promise<ReadConversation> {
  if (screenshotIds.length === 0 || screenshotIds.length > MAX_SCREENSHOTS_PER_IMPORT) {
    throw new ValidationError('input.screenshotIds', `Give 1 to ${MAX_SCREENSHOTS_PER_IMPORT} screenshots, in the conversation's order`);
  }
  if (new Set(screenshotIds).size !== screenshotIds.length) throw new ValidationError('input.screenshotIds', 'A screenshot is listed twice');
  const files: MediaFile[] = [];
  for (const id of screenshotIds) {
    const file = await findOwnMedia(deps.em, ownerId, id);
    if (file.purpose !== MediaPurpose.SCREENSHOT) throw new ValidationError('input.screenshotIds', `File ${id} was not uploaded as a SCREENSHOT`);
    files.push(file);
  }
  let dropped = 0;
  const screens = [];
  for (const file of files) {
    const image = await deps.objects.get(file.objectKey);
    if (!image) throw new Error(`media ${file.id}: object missing from the store`);
    const lines = await ocrLines(deps, file, image);
    const layout = layoutScreenshot(lines, await imagePixels(image), { reference: file.createdAt, offsetMinutes });
    dropped += layout.droppedSystemLines;
    screens.push({ screenshotId: file.id, items: layout.items });
  }
  const stitched = stitchScreenshots(screens);
  if (stitched.messages.length === 0) {
    throw new DomainError('SCREENSHOT_UNREADABLE', 'No chat messages could be read from these screenshots', { screenshots: files.length });
  }
  return { ...stitched, droppedSystemLines: dropped };
}

async function ocrLines(deps: ScreenshotDeps, file: MediaFile, image: Buffer): Promise<OcrLine[]> {
  const cacheKey = file.objectKey + OCR_SUFFIX;
  const cached = await deps.objects.get(cacheKey);
  if (cached) {
    const parsed = JSON.parse(cached.toString('utf8')) as { version: number; lines: OcrLine[] };
    if (parsed.version === OCR_CACHE_VERSION) return parsed.lines;
  }
  const lines = await deps.ocr.readLines(image);
  await deps.objects.put(cacheKey, Buffer.from(JSON.stringify({ version: OCR_CACHE_VERSION, lines })), 'application/json');
  return lines;
}
