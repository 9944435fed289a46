import { quantileOfSorted } from './quantile';

export interface ReplyTimeMessage {
  sentAt: Date | null;
  fromPersona: boolean;
}

export interface ReplyTimeProfile {
  medianSeconds: number;
  p90Seconds: number;
  sampleSize: number;
}

/** Past this, a "reply" is a new conversation the next day, not a reply delay. */
export const MAX_REPLY_GAP_SECONDS = 12 * 60 * 60;

/**
 * How long the persona takes to answer: for each turn change from the other side to the
 * persona, the delay between the other side's last message and the persona's first. Turns
 * with a missing timestamp, a gap over 12 h, or a negative gap (clock skew between devices)
 * are left out. Null when no delay could be measured.
 */
export function replyTimeProfile(messages: readonly ReplyTimeMessage[]): ReplyTimeProfile | null {
  const delays: number[] = [];
  for (let i = 1; i < messages.length; i += 1) {
    const previous = messages[i - 1];
    const current = messages[i];
    if (!current.fromPersona || previous.fromPersona) continue;
    if (previous.sentAt === null || current.sentAt === null) continue;
    const seconds = (current.sentAt.getTime() - previous.sentAt.getTime()) / 1000;
    if (Number.isNaN(seconds) || seconds < 0 || seconds > MAX_REPLY_GAP_SECONDS) continue;
    delays.push(seconds);
  }
  if (delays.length === 0) return null;
  delays.sort((a, b) => a - b);
  return {
    medianSeconds: quantileOfSorted(delays, 0.5),
    p90Seconds: quantileOfSorted(delays, 0.9),
    sampleSize: delays.length,
  };
}
