/**
 * Reciprocity: who carries the conversation (share of messages and words), who restarts it
 * after a silence, and how quickly each side replies. One pass over the messages.
 */
import { median } from './median';
import type { Measure, PreparedConversation, PreparedMessage, Side } from './conversation';
import type { ReciprocityMeasures } from './conversation-measures';

export interface ReciprocityOptions {
  /** A silence this long (minutes) ends a conversation; the next message initiates one (default 360). */
  gapMinutes?: number;
}

/** A restart is a real chat only if the other answers within this many following messages. */
const REPLY_WITHIN = 3;

/**
 * Initiations: the first message, and any message sent `gapMinutes` or more after the previous
 * one, counts for its writer when the other replies within the next REPLY_WITHIN messages and
 * before another gap, so a "hello?" into silence is not a conversation. Without timestamps a
 * gap cannot be seen and only the first message can count. n = initiations by both sides, so
 * value / n is this side's share of the restarts.
 *
 * Reply time: a message that follows the other's message (a change of speaker) replied after
 * the elapsed time; replies slower than the gap are restarts, not replies, and are left out, as
 * are out-of-order timestamps (a negative wait).
 * The median is robust to the occasional overnight pause. It cites no messages: no single
 * reply moves a median.
 */
export function reciprocityMeasures(
  conv: PreparedConversation,
  options: ReciprocityOptions = {},
): { perSide: [ReciprocityMeasures, ReciprocityMeasures]; replyTimeAsymmetry: Measure } {
  const gapMs = (options.gapMinutes ?? 360) * 60_000;
  const msgs = conv.messages;
  const messages = [0, 0];
  const words = [0, 0];
  const initiations: [PreparedMessage[], PreparedMessage[]] = [[], []];
  const replySeconds: [number[], number[]] = [[], []];

  const elapsed = (i: number): number | null => {
    const a = msgs[i - 1].sentAt;
    const b = msgs[i].sentAt;
    return a === null || b === null ? null : b - a;
  };
  const repliedTo = (i: number): boolean => {
    for (let j = i + 1; j < msgs.length && j <= i + REPLY_WITHIN; j += 1) {
      const wait = elapsed(j);
      if (wait !== null && wait >= gapMs) return false;
      if (msgs[j].side !== msgs[i].side) return true;
    }
    return false;
  };

  for (let i = 0; i < msgs.length; i += 1) {
    const m = msgs[i];
    messages[m.side] += 1;
    words[m.side] += m.words.length;
    const wait = i === 0 ? null : elapsed(i);
    if (i === 0 || (wait !== null && wait >= gapMs)) {
      if (repliedTo(i)) initiations[m.side].push(m);
    } else if (wait !== null && wait >= 0 && msgs[i - 1].side !== m.side) {
      replySeconds[m.side].push(wait / 1000);
    }
  }

  const totalMessages = messages[0] + messages[1];
  const totalWords = words[0] + words[1];
  const totalInitiations = initiations[0].length + initiations[1].length;
  const medians = replySeconds.map(median);
  const side = (s: Side): ReciprocityMeasures => ({
    messages: messages[s],
    words: words[s],
    turnShare: { value: totalMessages === 0 ? null : messages[s] / totalMessages, n: totalMessages, messageIds: [] },
    wordShare: { value: totalWords === 0 ? null : words[s] / totalWords, n: totalMessages, messageIds: [] },
    initiations: { value: initiations[s].length, n: totalInitiations, messageIds: initiations[s].map((m) => m.id) },
    medianReplySeconds: { value: medians[s], n: replySeconds[s].length, messageIds: [] },
  });

  const [a, b] = medians;
  const replyTimeAsymmetry: Measure = {
    value: a !== null && b !== null && a > 0 && b > 0 ? Math.max(a, b) / Math.min(a, b) : null,
    n: replySeconds[0].length + replySeconds[1].length,
    messageIds: [],
  };
  return { perSide: [side(0), side(1)], replyTimeAsymmetry };
}

