/**
 * Measures per calendar month, for a relationship's trend over imported chats (is LSM
 * falling, is the positive ratio dropping). Months are UTC unless an offset is given: a chat
 * exported in China should split at Beijing midnight, not London's.
 */
import type { ConversationMessage } from './conversation';
import type { ConversationMeasures } from './conversation-measures';
import { measureConversation, type MeasureOptions } from './measure-conversation';

export interface PeriodMeasures {
  /** "2026-03". */
  period: string;
  /** First and last message time in the period. */
  from: Date;
  to: Date;
  measures: ConversationMeasures;
}

/**
 * One entry per month that has messages, in order. Messages without a time cannot be placed
 * and are left out here (they still count in the overall measures). Both speakers are fixed
 * for every month (side 0 stays side 0 even in a month the other spoke first).
 */
export function measureByMonth(
  messages: readonly ConversationMessage[],
  speakers: [string, string],
  options: MeasureOptions & { utcOffsetMinutes?: number } = {},
): PeriodMeasures[] {
  const offset = (options.utcOffsetMinutes ?? 0) * 60_000;
  const groups = new Map<string, ConversationMessage[]>();
  for (const m of messages) {
    if (!(m.sentAt instanceof Date) || !Number.isFinite(m.sentAt.getTime())) continue;
    const local = new Date(m.sentAt.getTime() + offset);
    const key = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
    const group = groups.get(key) ?? [];
    group.push(m);
    groups.set(key, group);
  }
  return [...groups.keys()].sort().map((period) => {
    const group = groups.get(period)!;
    const times = group.map((m) => m.sentAt!.getTime());
    return {
      period,
      from: new Date(Math.min(...times)),
      to: new Date(Math.max(...times)),
      measures: measureConversation(group, { ...options, speakers }),
    };
  });
}
