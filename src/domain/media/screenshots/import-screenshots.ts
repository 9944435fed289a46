import { z } from 'zod';
import { ValidationError } from '../../errors';
import type { ParsedMessage } from '../../personas/chat-import/chat-log.types';
import { findOwnPersona } from '../../personas/find-own-persona';
import { storeImportedMessages, type ImportResult } from '../../personas/import-chat-log';
import { validateInput } from '../../validate-input';
import { screenshotSelection } from './preview-screenshot-import';
import { readScreenshots, type ScreenshotDeps } from './read-screenshots';

const side = z.enum(['LEFT', 'RIGHT']);
const speaker = z.string().trim().min(1, 'is required').max(120, 'is too long');
const importInput = z
  .object({
    ...screenshotSelection,
    leftSpeaker: speaker,
    rightSpeaker: speaker,
    personaSide: side,
    sideCorrections: z.array(z.object({ index: z.number().int().min(0), side })).max(10_000).optional(),
    dropIndexes: z.array(z.number().int().min(0)).max(10_000).optional(),
  })
  .refine((i) => i.leftSpeaker !== i.rightSpeaker, { message: 'the two speakers need different names', path: ['rightSpeaker'] });

/**
 * Imports chat screenshots into a persona once the user has confirmed (or corrected) who is
 * who: the screenshots are read again from their cached OCR (so the preview's indexes hold),
 * corrections flip single messages' sides or drop misread ones, and the messages go through
 * the same path as a chat-log export (same dedupe, same import record, same fingerprint; a
 * partner still needs consent before analysis or simulation).
 */
export async function importScreenshots(deps: ScreenshotDeps & Parameters<typeof storeImportedMessages>[0], ownerId: string, input: unknown): Promise<ImportResult> {
  const data = validateInput(importInput, input);
  const persona = await findOwnPersona(deps.em, ownerId, data.personaId);
  const read = await readScreenshots(deps, ownerId, data.screenshotIds, data.timeZoneOffsetMinutes ?? 0);
  const corrections = new Map((data.sideCorrections ?? []).map((c) => [c.index, c.side]));
  const dropped = new Set(data.dropIndexes ?? []);
  for (const index of [...corrections.keys(), ...dropped]) {
    if (index >= read.messages.length) throw new ValidationError('input', `There is no message ${index} (the preview has ${read.messages.length})`);
  }
  const messages: ParsedMessage[] = read.messages
    .filter((m) => !dropped.has(m.index))
    .map((m, i) => {
      const s = corrections.get(m.index) ?? m.side;
      return { index: i, line: m.index + 1, sender: s === 'LEFT' ? data.leftSpeaker : data.rightSpeaker, sentAt: m.sentAt, text: m.text, kind: 'text' };
    });
  if (messages.length === 0) throw new ValidationError('input.dropIndexes', 'Every message was dropped: nothing to import');
  const participants = [...new Set(messages.map((m) => m.sender))];
  const personaSpeaker = data.personaSide === 'LEFT' ? data.leftSpeaker : data.rightSpeaker;
  if (!participants.includes(personaSpeaker)) throw new ValidationError('input.personaSide', `"${personaSpeaker}" says nothing in these screenshots`, { participants });
  return storeImportedMessages(deps, ownerId, persona, { format: 'SCREENSHOT', messages, participants }, personaSpeaker);
}
