import type { TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';
import { isMediaPlaceholder } from '../personas/style';
import type { ConversationMessage } from '../../kernel/measures';

/** Pages of the transcript store's maximum size: 10,000 messages are ten round trips. */
const PAGE = 1000;
/** Beyond this the report says it stopped; the kernel is linear, memory is the limit. */
export const MAX_ANALYZED_MESSAGES = 100_000;

export interface DateRange {
  /** Inclusive bounds; either may be open. */
  from?: Date | null;
  to?: Date | null;
}

export interface ImportedConversation {
  /** Ordered by time (then import order), within the range. */
  messages: (ConversationMessage & { sentAt: Date | null })[];
  /** [user side, persona side]: the measures' side 0 and side 1. */
  speakers: [string, string];
  /** Media stand-ins ("[media: image]") left out: a photo has no words to measure. */
  mediaLeftOut: number;
  /** Lines by a third sender (a group chat), kept for the kernel to count as ignored. */
  thirdParty: number;
  /** Messages from a PLAIN export: no real time, so no months and no reply times. */
  untimed: number;
  /** True when MAX_ANALYZED_MESSAGES cut the load short. */
  truncated: boolean;
}

/**
 * The messages imported into a persona, as the measures read them. Imports store the
 * persona's lines as role 'persona' and everyone else's as 'other'; the user's side of one
 * import is its most frequent other sender (the rest are third parties in a group chat).
 * Several imports may name the same people differently ("Mei" on WhatsApp, "梅" on LINE), so
 * every line is relabelled to one name per side: the persona's name and the user side's
 * most frequent name.
 */
export async function loadImportedConversation(transcripts: TranscriptStore, persona: { id: string; name: string }, range: DateRange): Promise<ImportedConversation> {
  const rows: TranscriptMessage[] = [];
  let truncated = false;
  for (let afterSeq = 0; ; ) {
    const page = await transcripts.list(persona.id, { afterSeq, limit: PAGE });
    if (page.length === 0) break;
    for (const m of page) if (m.kind === 'IMPORT' && inRange(m, range)) rows.push(m);
    afterSeq = page.at(-1)!.seq;
    if (rows.length >= MAX_ANALYZED_MESSAGES) {
      truncated = true;
      rows.length = MAX_ANALYZED_MESSAGES;
      break;
    }
  }

  const userSenderOf = userSenderPerBatch(rows);
  const userName = mostFrequent(rows.filter((m) => m.role !== 'persona' && userSenderOf.get(m.batchId) === m.sender).map((m) => m.sender)) ?? 'You';
  const personaName = persona.name === userName ? `${persona.name} (partner)` : persona.name;

  let mediaLeftOut = 0;
  let thirdParty = 0;
  let untimed = 0;
  const messages: ImportedConversation['messages'] = [];
  for (const m of rows) {
    const text = withoutMediaMarker(m.text);
    if (isMediaPlaceholder(text)) {
      mediaLeftOut += 1;
      continue;
    }
    const timed = m.metadata?.format !== 'PLAIN';
    if (!timed) untimed += 1;
    const side = m.role === 'persona' ? personaName : userSenderOf.get(m.batchId) === m.sender ? userName : m.sender;
    if (side !== personaName && side !== userName) thirdParty += 1;
    messages.push({ id: m.id, speaker: side, text, sentAt: timed ? m.sentAt : null });
  }
  // Imports arrive in any order (an older export after a newer one); time orders the conversation.
  const order = new Map(rows.map((m, i) => [m.id, i]));
  messages.sort((a, b) => (a.sentAt && b.sentAt ? a.sentAt.getTime() - b.sentAt.getTime() : 0) || order.get(a.id)! - order.get(b.id)!);
  return { messages, speakers: [userName, personaName], mediaLeftOut, thirdParty, untimed, truncated };
}

/** PLAIN imports carry the import time, not a sent time: the range cannot place them, so they stay in. */
function inRange(m: TranscriptMessage, range: DateRange): boolean {
  if (m.metadata?.format === 'PLAIN') return true;
  const t = m.sentAt.getTime();
  return (!range.from || t >= range.from.getTime()) && (!range.to || t <= range.to.getTime());
}

function userSenderPerBatch(rows: readonly TranscriptMessage[]): Map<string, string> {
  const byBatch = new Map<string, string[]>();
  for (const m of rows) {
    if (m.role === 'persona') continue;
    const senders = byBatch.get(m.batchId) ?? [];
    senders.push(m.sender);
    byBatch.set(m.batchId, senders);
  }
  return new Map([...byBatch].map(([batch, senders]) => [batch, mostFrequent(senders)!]));
}

/** Ties go to the first seen, so the choice is stable. */
function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, c] of counts) if (best === null || c > counts.get(best)!) best = v;
  return best;
}

/** A captioned photo is stored as "[media: image]\n<caption>": the caption is theirs, the marker is not. */
function withoutMediaMarker(text: string): string {
  const match = /^\[media: [a-z-]+\]\n([\s\S]+)$/.exec(text);
  return match ? match[1]! : text;
}
