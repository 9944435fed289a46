import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Clock } from '../../ports/clock.port';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { NewTranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';
import { DomainError, ValidationError } from '../errors';
import { validateInput } from '../validate-input';
import { ImportParseError, ImportTooLargeError } from './chat-import/import-parse.error';
import { parseChatLog } from './chat-import/parse-chat-log';
import type { ParsedMessage } from './chat-import/chat-log.types';
import { ChatImport } from './chat-import.entity';
import { findOwnPersona } from './find-own-persona';
import type { Persona } from './persona.entity';
import { refreshStyleFingerprint } from './refresh-style-fingerprint';

export const IMPORT_LIMITS = { maxBytes: 1_500_000, maxMessages: 20_000 } as const;

/** Messages per transcript append: below every TranscriptStore adapter's per-call limit (10,000). */
const APPEND_PAGE = 5_000;

const importInput = z.object({
  format: z.enum(['AUTO', 'WHATSAPP', 'LINE', 'TELEGRAM', 'PLAIN']),
  content: z.string().min(1, 'is empty'),
  personaSpeaker: z.string().trim().min(1, 'is required').max(120, 'is too long'),
  timeZoneOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60).optional(),
});

export interface ImportResult {
  importId: string;
  format: string;
  parsedMessages: number;
  inserted: number;
  duplicates: number;
  participants: string[];
}

/**
 * The same message imported twice (same sender, time and text, and the same occurrence of
 * that triple) gets the same key, so re-importing a log, or an overlapping longer export,
 * adds nothing twice.
 */
function dedupeKeys(messages: ParsedMessage[]): string[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const base = `${m.sender}\u0000${m.sentAt?.toISOString() ?? ''}\u0000${m.text}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return createHash('sha256').update(`${base}\u0000${occurrence}`).digest('hex');
  });
}

/**
 * Imports a chat-log export into a persona: parse, tag the persona's speaker, append to the
 * transcript store (idempotently), then record the import and refresh the style
 * fingerprint. A failure after the append removes this batch, so nothing is half-written.
 */
export async function importChatLog(
  deps: { em: EntityManager; transcripts: TranscriptStore; dataKeys: DataKeyRing; clock: Clock },
  ownerId: string,
  personaId: string,
  input: unknown,
): Promise<ImportResult> {
  const data = validateInput(importInput, input);
  const persona = await findOwnPersona(deps.em, ownerId, personaId);
  let parsed;
  try {
    parsed = parseChatLog(data.content, data.format, { ...IMPORT_LIMITS, timeZoneOffsetMinutes: data.timeZoneOffsetMinutes });
  } catch (err) {
    if (err instanceof ImportParseError) {
      throw new DomainError('IMPORT_PARSE_FAILED', `Could not read the chat export at line ${err.line}: ${err.reason}`, { line: err.line });
    }
    if (err instanceof ImportTooLargeError) {
      throw new ValidationError('input.content', `The export is too large (at most ${err.max} ${err.limit})`, { limit: err.limit, max: err.max });
    }
    throw err;
  }
  if (!parsed.participants.includes(data.personaSpeaker)) {
    throw new ValidationError('input.personaSpeaker', `"${data.personaSpeaker}" does not speak in this log`, { participants: parsed.participants });
  }
  return storeImportedMessages(deps, ownerId, persona, { format: parsed.format, messages: parsed.messages, participants: parsed.participants }, data.personaSpeaker);
}

/**
 * The storing half of an import, shared by every source of messages (chat-log exports,
 * read chat screenshots): dedupe keys, the transcript append under one batch, the import
 * record and the style fingerprint, all or nothing.
 */
export async function storeImportedMessages(
  deps: Parameters<typeof importChatLog>[0],
  ownerId: string,
  persona: Persona,
  parsed: { format: string; messages: ParsedMessage[]; participants: string[] },
  personaSpeaker: string,
): Promise<ImportResult> {
  const data = { personaSpeaker };
  const batchId = randomUUID();
  const keys = dedupeKeys(parsed.messages);
  const rows: NewTranscriptMessage[] = parsed.messages.map((m, i) => ({
    ownerId,
    conversationId: persona.id,
    kind: 'IMPORT',
    batchId,
    dedupeKey: keys[i]!,
    sender: m.sender,
    role: m.sender === data.personaSpeaker ? 'persona' : 'other',
    text: m.text,
    // Formats without time (PLAIN) keep their order through seq; sentAt is the import time.
    sentAt: m.sentAt ?? deps.clock.now(),
    metadata: { line: m.line, format: parsed.format, ...(m.kind === 'media' ? { media: true } : {}) },
  }));
  let inserted = 0;
  let duplicates = 0;
  try {
    // A valid import may hold more messages than one append takes: page it, all under one
    // batch id, so a failure on any page removes every page already written.
    for (let start = 0; start < rows.length; start += APPEND_PAGE) {
      const page = await deps.transcripts.append(rows.slice(start, start + APPEND_PAGE));
      inserted += page.inserted;
      duplicates += page.duplicates;
    }
    return await deps.em.transactional(async (tx) => {
      const record = tx.create(ChatImport, {
        persona: persona.id,
        format: parsed.format,
        personaSpeaker: data.personaSpeaker,
        parsedMessages: parsed.messages.length,
        inserted,
        duplicates,
      });
      const managed = tx.merge(persona);
      managed.importedMessageCount = await deps.transcripts.count(persona.id);
      await refreshStyleFingerprint(deps.transcripts, deps.dataKeys, managed);
      await tx.flush();
      return { importId: record.id, format: parsed.format, parsedMessages: parsed.messages.length, inserted, duplicates, participants: parsed.participants };
    });
  } catch (err) {
    await deps.transcripts.deleteBatch(persona.id, batchId);
    throw err;
  }
}
