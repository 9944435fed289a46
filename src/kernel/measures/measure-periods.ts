/**
 * Measures per calendar month, for a relationship's trend over imported chats (is LSM
 * falling, is the positive ratio dropping). Months are UTC unless an offset is given: a chat
 * exported in China should split at Beijing midnight, not London's.
 */
import { prepareConversation, type ConversationMessage, type PreparedConversation, type PreparedMessage } from './conversation';
import type { ConversationMeasures } from './conversation-measures';
import { measurePrepared, type MeasureOptions } from './measure-conversation';

export interface PeriodMeasures {
  /** "2026-03". */
  period: string;
  /** First and last message time in the period. */
  from: Date;
  to: Date;
  measures: ConversationMeasures;
}

export type PeriodOptions = MeasureOptions & { utcOffsetMinutes?: number };

/**
 * One entry per month that has messages, in order. Messages without a time cannot be placed
 * and are left out here (they still count in the overall measures). Both speakers are fixed
 * for every month (side 0 stays side 0 even in a month the other spoke first).
 */
export function measureByMonth(messages: readonly ConversationMessage[], speakers: [string, string], options: PeriodOptions = {}): PeriodMeasures[] {
  return monthsOf(messages, prepareConversation(messages, { speakers }), options);
}

/**
 * The whole transcript's measures and each month's, tokenising every message once (a health
 * report needs both, and tokenising is the larger part of measuring).
 */
export function measureOverallAndByMonth(
  messages: readonly ConversationMessage[],
  speakers: [string, string],
  options: PeriodOptions = {},
): { overall: ConversationMeasures; periods: PeriodMeasures[] } {
  const conv = prepareConversation(messages, { speakers });
  return { overall: measurePrepared(conv, options), periods: monthsOf(messages, conv, options) };
}

interface Month {
  prepared: PreparedMessage[];
  ignored: number;
  from: number;
  to: number;
}

/**
 * Splits the prepared conversation by month. `conv` holds, in order, exactly the messages of
 * `messages` that prepareConversation kept (the two speakers' non-empty lines), so one walk
 * pairs each kept line with its prepared form; each month is then measured as the
 * conversation of its own lines would be, with every message re-indexed within the month.
 */
function monthsOf(messages: readonly ConversationMessage[], conv: PreparedConversation, options: PeriodOptions): PeriodMeasures[] {
  const offset = (options.utcOffsetMinutes ?? 0) * 60_000;
  const [first, second] = conv.speakers;
  const months = new Map<string, Month>();
  let next = 0;
  for (const m of messages) {
    const kept = (m.speaker === first || (m.speaker === second && second !== '')) && m.text.trim() !== '';
    const prepared = kept ? conv.messages[next++] : undefined;
    if (!(m.sentAt instanceof Date) || !Number.isFinite(m.sentAt.getTime())) continue;
    const time = m.sentAt.getTime();
    const local = new Date(time + offset);
    const key = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
    let month = months.get(key);
    if (!month) {
      month = { prepared: [], ignored: 0, from: time, to: time };
      months.set(key, month);
    }
    if (prepared) month.prepared.push(prepared);
    else month.ignored += 1;
    month.from = Math.min(month.from, time);
    month.to = Math.max(month.to, time);
  }
  if (next !== conv.messages.length) throw new Error('measureByMonth: the prepared conversation does not match its messages');
  return [...months.keys()].sort().map((period) => {
    const month = months.get(period)!;
    const sub: PreparedConversation = {
      speakers: conv.speakers,
      messages: month.prepared.map((m, index) => ({ ...m, index })),
      ignored: month.ignored,
    };
    return { period, from: new Date(month.from), to: new Date(month.to), measures: measurePrepared(sub, options) };
  });
}
