import { z } from 'zod';
import { findOwnPersona } from '../../personas/find-own-persona';
import { validateInput } from '../../validate-input';
import { readScreenshots, type ReadConversation, type ScreenshotDeps } from './read-screenshots';
import type { BubbleSide } from './screenshot-items';

export const screenshotSelection = {
  personaId: z.string(),
  screenshotIds: z.array(z.string()),
  timeZoneOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60).optional(),
};

export interface SpeakerMapping {
  leftSpeaker: string;
  rightSpeaker: string;
  personaSide: BubbleSide;
}

export interface ScreenshotPreview extends ReadConversation {
  proposedMapping: SpeakerMapping;
}

/**
 * What a set of chat screenshots says, for the user to check before anything is stored:
 * the stitched messages by side, and a proposed speaker mapping. Chat apps put the phone
 * owner's bubbles on the right, so the proposal is: left = the persona, right = the user.
 * Nothing is imported; the OCR result is kept (sealed) so the import reads the same lines.
 */
export async function previewScreenshotImport(deps: ScreenshotDeps, ownerId: string, userName: string, input: unknown): Promise<ScreenshotPreview> {
  const data = validateInput(z.object(screenshotSelection), input);
  const persona = await findOwnPersona(deps.em, ownerId, data.personaId);
  const read = await readScreenshots(deps, ownerId, data.screenshotIds, data.timeZoneOffsetMinutes ?? 0);
  const rightSpeaker = userName.trim() && userName.trim() !== persona.name ? userName.trim() : 'Me';
  return { ...read, proposedMapping: { leftSpeaker: persona.name, rightSpeaker, personaSide: 'LEFT' } };
}
