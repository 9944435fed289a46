import type { ConversationMeasures, Measure } from '../../kernel/measures';

export type TrendKey = 'rapport' | 'lsm' | 'responsiveness' | 'positiveToNegativeRatio' | 'sentiment' | 'medianReplySeconds';

export interface TrendPoint {
  period: string;
  /** Null when the month could not say (no bid, no negative interaction, no timestamps). */
  value: number | null;
  /** What the month's value rests on (messages, bids, replies: as the measure says). */
  n: number;
}

export interface TrendSeries {
  key: TrendKey;
  label: string;
  /** How to read the values. */
  scale: string;
  /** Null for pair measures; the speaker for per-speaker ones. */
  speaker: string | null;
  points: TrendPoint[];
}

interface TrendSpec {
  key: TrendKey;
  label: string;
  scale: string;
  perSpeaker: boolean;
  of(m: ConversationMeasures, side: 0 | 1): Measure;
}

/** The series a health report charts, month by month; the pair ones first. */
export const TREND_SPECS: readonly TrendSpec[] = [
  { key: 'rapport', label: 'Rapport index', scale: '0–100', perSpeaker: false, of: (m) => ({ value: m.pair.rapport.value, n: m.messages, messageIds: [] }) },
  { key: 'lsm', label: 'Language style matching', scale: '0–1', perSpeaker: false, of: (m) => m.pair.lsm.overall },
  { key: 'responsiveness', label: 'Bids turned toward', scale: '0–1', perSpeaker: false, of: (m) => m.pair.responsiveness },
  { key: 'positiveToNegativeRatio', label: 'Positive : negative interactions', scale: 'ratio; about 5 in stable couples', perSpeaker: false, of: (m) => m.pair.positiveToNegativeRatio },
  { key: 'sentiment', label: 'Sentiment', scale: '−1 … +1', perSpeaker: true, of: (m, s) => m.perSpeaker[s].sentiment.meanSentiment },
  { key: 'medianReplySeconds', label: 'Median reply time', scale: 'seconds', perSpeaker: true, of: (m, s) => m.perSpeaker[s].reciprocity.medianReplySeconds },
];

export function buildTrends(months: readonly { period: string; measures: ConversationMeasures }[]): TrendSeries[] {
  const speakers = months[0]?.measures.speakers;
  return TREND_SPECS.flatMap((spec) => {
    const sides: (0 | 1 | null)[] = spec.perSpeaker ? [0, 1] : [null];
    return sides.map((side) => ({
      key: spec.key,
      label: spec.label,
      scale: spec.scale,
      speaker: side === null ? null : (speakers?.[side] ?? null),
      points: months.map((month) => {
        const measure = spec.of(month.measures, side ?? 0);
        // GraphQL Float has no Infinity; a ratio over zero negatives is already null in the kernel.
        return { period: month.period, value: measure.value !== null && Number.isFinite(measure.value) ? measure.value : null, n: measure.n };
      }),
    }));
  });
}
