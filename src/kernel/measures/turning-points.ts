/**
 * Turning points: months where a headline pair measure moved clearly against the months
 * before, so a report can say "in 2026-04 responsiveness fell from 0.81 to 0.35" and quote
 * that month's messages.
 *
 * The rule, per measure (rapport, LSM, responsiveness, positive share), on a 0–1 scale
 * (rapport / 100; positive share = positive / (positive + negative) interactions):
 * 1. Only months with at least `minMessages` measured messages and a value count; thinner
 *    months are too noisy to call a turn and are skipped (not treated as a gap).
 * 2. Baseline of a month = the mean of up to `baselineMonths` (3) counted months before it.
 * 3. Typical change = the median absolute change between consecutive counted months over the
 *    whole series, leaving out the change into the month judged (a turn must not raise its own
 *    bar: with two months the only change is the candidate itself).
 * 4. Threshold = max(`minChange` (0.1), 2 × typical change): a turn must beat both a fixed
 *    floor (a 0.03 wobble is never a turn) and the relationship's own month-to-month noise.
 * 5. A month whose value differs from its baseline by more than the threshold is a turn, up
 *    or down. Consecutive flagged months of the same measure and direction are one turn (a
 *    drop that lasts keeps differing from a baseline that still holds the good months); the
 *    first month of the run is reported, as the month the change showed.
 *
 * Cited messages are the month's most telling ones for the measure and direction (below),
 * at most `maxCitations`, preferring messages several lists agree on.
 */
import { median as medianOrNull } from './median';
import type { ConversationMeasures } from './conversation-measures';
import type { PeriodMeasures } from './measure-periods';

export type TurningPointMeasure = 'rapport' | 'lsm' | 'responsiveness' | 'positiveShare';
export type TurnDirection = 'UP' | 'DOWN';

export const TURNING_POINT_MEASURES: readonly TurningPointMeasure[] = ['rapport', 'lsm', 'responsiveness', 'positiveShare'];

export interface TurningPoint {
  /** The month the change showed ("2026-04"). */
  period: string;
  measure: TurningPointMeasure;
  direction: TurnDirection;
  /** Baseline (mean of the counted months before) and this month's value, on the measure's own scale (rapport 0–100, the others 0–1). */
  before: number;
  after: number;
  /** after − before, and the threshold it beat, on the same scale. */
  change: number;
  threshold: number;
  /** The months the baseline averages. */
  baselinePeriods: string[];
  /** The month's most telling messages for this turn, in conversation order when positions are given. */
  messageIds: string[];
}

export interface TurningPointOptions {
  minMessages?: number;
  baselineMonths?: number;
  minChange?: number;
  maxCitations?: number;
  /** Message id → position in the conversation, to list citations in transcript order. */
  position?: ReadonlyMap<string, number>;
}

export const TURNING_POINT_DEFAULTS = { minMessages: 10, baselineMonths: 3, minChange: 0.1, maxCitations: 5 } as const;

/** The measure on a 0–1 scale, or null when the month cannot say. */
export function turningPointValue(m: ConversationMeasures, measure: TurningPointMeasure): number | null {
  switch (measure) {
    case 'rapport':
      return m.pair.rapport.value === null ? null : m.pair.rapport.value / 100;
    case 'lsm':
      return m.pair.lsm.overall.value;
    case 'responsiveness':
      return m.pair.responsiveness.value;
    case 'positiveShare': {
      const positive = m.pair.positiveInteractions.value ?? 0;
      const total = positive + (m.pair.negativeInteractions.value ?? 0);
      return total === 0 ? null : positive / total;
    }
  }
}

/** Rapport is shown 0–100 everywhere else; the others are shares. */
const SCALE: Record<TurningPointMeasure, number> = { rapport: 100, lsm: 1, responsiveness: 1, positiveShare: 1 };

export function findTurningPoints(periods: readonly PeriodMeasures[], options: TurningPointOptions = {}): TurningPoint[] {
  const o = { ...TURNING_POINT_DEFAULTS, ...options };
  const found: TurningPoint[] = [];
  for (const measure of TURNING_POINT_MEASURES) {
    const series = periods.flatMap((p) => {
      const value = p.measures.messages >= o.minMessages ? turningPointValue(p.measures, measure) : null;
      return value === null || !Number.isFinite(value) ? [] : [{ period: p, value }];
    });
    if (series.length < 2) continue;
    const steps = series.slice(1).map((s, i) => Math.abs(s.value - series[i]!.value));
    let running: TurnDirection | null = null;
    for (let i = 1; i < series.length; i += 1) {
      // steps[i - 1] is the change into month i.
      const threshold = Math.max(o.minChange, 2 * median(steps.filter((_, j) => j !== i - 1)));
      const base = series.slice(Math.max(0, i - o.baselineMonths), i);
      const before = base.reduce((sum, s) => sum + s.value, 0) / base.length;
      const after = series[i]!.value;
      const direction: TurnDirection | null = Math.abs(after - before) > threshold ? (after > before ? 'UP' : 'DOWN') : null;
      if (direction !== null && direction !== running) {
        const scale = SCALE[measure];
        found.push({
          period: series[i]!.period.period,
          measure,
          direction,
          before: round(before * scale),
          after: round(after * scale),
          change: round((after - before) * scale),
          threshold: round(threshold * scale),
          baselinePeriods: base.map((s) => s.period.period),
          messageIds: citations(series[i]!.period.measures, measure, direction, o.maxCitations, o.position),
        });
      }
      running = direction;
    }
  }
  return found.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : TURNING_POINT_MEASURES.indexOf(a.measure) - TURNING_POINT_MEASURES.indexOf(b.measure)));
}

/**
 * What to quote for a turn. Down: the replies that turned against or away from a bid, the
 * Four Horsemen, the negative interactions. Up: replies that turned toward, repair attempts,
 * the positive interactions. LSM rests on every word, so no message moved it; it cites the
 * edges of the month's lowest (or highest) matching window, where the styles parted (or met).
 */
function citations(m: ConversationMeasures, measure: TurningPointMeasure, direction: TurnDirection, max: number, position?: ReadonlyMap<string, number>): string[] {
  if (measure === 'lsm') return lsmWindowEdges(m, direction);
  const both = <T>(pick: (s: ConversationMeasures['perSpeaker'][number]) => T[]) => m.perSpeaker.flatMap(pick);
  const lists: string[][] =
    direction === 'DOWN'
      ? [
          ...(measure === 'positiveShare' ? [] : [both((s) => s.bids.turnedAgainst.messageIds), both((s) => s.bids.turnedAway.messageIds)]),
          both((s) => [s.gottman.contempt, s.gottman.criticism, s.gottman.defensiveness, s.gottman.stonewalling].flatMap((x) => x.messageIds)),
          m.pair.negativeInteractions.messageIds,
        ]
      : [
          ...(measure === 'positiveShare' ? [] : [both((s) => s.bids.turnedToward.messageIds)]),
          both((s) => s.gottman.repairAttempts.messageIds),
          m.pair.positiveInteractions.messageIds,
        ];
  // Score: how many lists name a message; ties go to the earlier (stronger) list, then its order there.
  const score = new Map<string, { hits: number; rank: number }>();
  let rank = 0;
  for (const list of lists) {
    for (const id of new Set(list)) {
      const seen = score.get(id);
      if (seen) seen.hits += 1;
      else score.set(id, { hits: 1, rank: rank++ });
    }
  }
  const chosen = [...score].sort((a, b) => b[1].hits - a[1].hits || a[1].rank - b[1].rank).slice(0, max).map(([id]) => id);
  return position ? chosen.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)) : chosen;
}

function lsmWindowEdges(m: ConversationMeasures, direction: TurnDirection): string[] {
  const windows = m.pair.lsm.windows.filter((w) => w.value !== null);
  if (windows.length === 0) return [];
  const pick = windows.reduce((best, w) => ((direction === 'DOWN' ? w.value! < best.value! : w.value! > best.value!) ? w : best));
  return pick.firstMessageId === pick.lastMessageId ? [pick.firstMessageId] : [pick.firstMessageId, pick.lastMessageId];
}


/** 0 for no changes at all: no typical change to compare against. */
const median = (values: number[]): number => medianOrNull(values) ?? 0;

const round = (x: number) => Math.round(x * 1000) / 1000;
