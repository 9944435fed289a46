/**
 * The input and output shapes every conversation measure shares. Pure data: the kernel does
 * no I/O, so `agents/`, `src/domain` and benchmarks can all import it without a cycle.
 */
import { textFacts } from './tokenize';

/** One message of an ordered two-party transcript. */
export interface ConversationMessage {
  /** Stable id that a report cites (a transcript message id, or "t3" in a test). */
  id: string;
  /** Who wrote it. Exactly two speakers are measured; lines by anyone else are ignored. */
  speaker: string;
  text: string;
  /** When it was sent. Optional: timing measures are null without it. */
  sentAt?: Date | null;
}

/**
 * One number and what it rests on. `value` is null when there was nothing to measure (no
 * questions to answer, no timestamps); `n` is how many messages (or events, as each measure
 * documents) it rests on; `messageIds` are the messages that moved it, in conversation order,
 * so a report can say "Mei asked 4 follow-up questions (t3, t7, t9, t12)".
 */
export interface Measure {
  value: number | null;
  n: number;
  messageIds: string[];
}

/** Side 0 is the first speaker to talk (or the first of `speakers` when given). */
export type Side = 0 | 1;

/** A message as the measures read it: tokenised once, shared by every measure family. */
export interface PreparedMessage {
  /** Position among the measured messages (0-based). */
  index: number;
  id: string;
  side: Side;
  text: string;
  /** Epoch milliseconds, or null. */
  sentAt: number | null;
  /** Lower-cased word tokens: Latin words, Chinese words (Intl.Segmenter), numbers. Emoji and punctuation are not words. */
  words: string[];
  /** The message contains Han characters / Latin letters (mixed messages contain both). */
  cjk: boolean;
  latin: boolean;
}

export interface PreparedConversation {
  /** The two speakers, side 0 first. The second is '' when only one person spoke. */
  speakers: [string, string];
  messages: PreparedMessage[];
  /** Messages by anyone else (narrator, system lines), left out of every measure. */
  ignored: number;
}

export interface PrepareOptions {
  /** Which two speakers to measure, side 0 first. Default: the first two distinct speakers. */
  speakers?: [string, string];
}

/**
 * Orders nothing (the caller's order is the conversation's order), picks the two speakers,
 * drops empty and third-party lines, and tokenises each message once.
 */
export function prepareConversation(messages: readonly ConversationMessage[], options: PrepareOptions = {}): PreparedConversation {
  const speakers: [string, string] = options.speakers ? [...options.speakers] : ['', ''];
  if (!options.speakers) {
    for (const m of messages) {
      if (m.text.trim() === '') continue;
      if (speakers[0] === '') speakers[0] = m.speaker;
      else if (m.speaker !== speakers[0]) {
        speakers[1] = m.speaker;
        break;
      }
    }
  }
  const kept: { m: ConversationMessage; side: Side }[] = [];
  let ignored = 0;
  for (const m of messages) {
    const side = m.speaker === speakers[0] ? 0 : m.speaker === speakers[1] && speakers[1] !== '' ? 1 : null;
    if (side === null || m.text.trim() === '') ignored += 1;
    else kept.push({ m, side });
  }
  // All texts at once: the tokeniser shares segmenter calls between messages.
  const facts = textFacts(kept.map(({ m }) => m.text));
  const prepared = kept.map(({ m, side }, index): PreparedMessage => {
    const time = m.sentAt instanceof Date ? m.sentAt.getTime() : null;
    const { words, cjk, latin } = facts[index];
    return { index, id: m.id, side, text: m.text, sentAt: time !== null && Number.isFinite(time) ? time : null, words, cjk, latin };
  });
  return { speakers, messages: prepared, ignored };
}

/** A count measure: how many of `pool` matched, citing them. */
export function countMeasure(pool: readonly PreparedMessage[], matched: readonly PreparedMessage[]): Measure {
  return { value: matched.length, n: pool.length, messageIds: matched.map((m) => m.id) };
}

/** A share: matched / pool, null on an empty pool. */
export function rateMeasure(pool: readonly PreparedMessage[], matched: readonly PreparedMessage[]): Measure {
  return { value: pool.length === 0 ? null : matched.length / pool.length, n: pool.length, messageIds: matched.map((m) => m.id) };
}

export const other = (side: Side): Side => (side === 0 ? 1 : 0);
