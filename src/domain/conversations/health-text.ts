/** Wording shared by the summary, the Markdown and the HTML, so the three say the same thing. */
import type { TurningPoint, TurningPointMeasure } from '../../kernel/measures/turning-points';

export const TURNING_POINT_LABELS: Record<TurningPointMeasure, string> = {
  rapport: 'Rapport index',
  lsm: 'Language style matching',
  responsiveness: 'Bids turned toward',
  positiveShare: 'Share of positive interactions',
};

/** Rapport is read 0–100, the shares 0–1; two decimals say enough for either. */
export function formatValue(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${Math.round(share * 100)}%`;
}

/** Seconds as "45 s", "12 min", "3.5 h". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function describeTurningPoint(t: TurningPoint): string {
  const digits = t.measure === 'rapport' ? 1 : 2;
  const verb = t.direction === 'DOWN' ? 'fell' : 'rose';
  const baseline = t.baselinePeriods.length === 1 ? t.baselinePeriods[0] : `${t.baselinePeriods[0]} to ${t.baselinePeriods.at(-1)}`;
  return (
    `In ${t.period}, ${TURNING_POINT_LABELS[t.measure].toLowerCase()} ${verb} to ${formatValue(t.after, digits)} ` +
    `from ${formatValue(t.before, digits)} (the mean of ${baseline}); a turn needs a change above ${formatValue(t.threshold, digits)}.`
  );
}
