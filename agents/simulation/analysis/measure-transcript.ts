import { measureConversation, type ConversationMeasures } from '../../../src/kernel/measures';

/** A line of a two-party transcript, by side rather than by name. */
export interface SidedLine {
  id: string;
  side: 'self' | 'partner';
  text: string;
  sentAt?: Date | null;
}

/**
 * The conversation measures of a two-party transcript (no model), speakers = [self, partner].
 * The kernel tells speakers apart by name, so two personas with the same name get the
 * partner's marked; lines with no text are passed as empty (the kernel skips them) and a
 * timestamp that is not a valid date is dropped, so odd stored data cannot break it.
 */
export function measureTranscript(lines: readonly SidedLine[], names: { self: string; partner: string }): ConversationMeasures {
  const self = names.self.trim() || 'Self';
  let partner = names.partner.trim() || 'Partner';
  if (partner === self) partner = `${partner} (partner)`;
  return measureConversation(
    lines.map((line) => ({
      id: line.id,
      speaker: line.side === 'self' ? self : partner,
      text: typeof line.text === 'string' ? line.text : '',
      sentAt: line.sentAt instanceof Date && Number.isFinite(line.sentAt.getTime()) ? line.sentAt : null,
    })),
    { speakers: [self, partner] },
  );
}
