import { DIMENSIONS } from '../../../kernel/simulation/dimensions';
import type { Estimate } from './estimate';

/**
 * How the report's numbers read as text, shared by the Markdown and HTML exports so both say
 * the same thing. Fixed-point and hand-grouped rather than toLocaleString: the output must not
 * depend on the server's locale.
 */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

/** "5.40–6.80"; "—" when there is no data or a single value, which has no interval. */
export function formatInterval(estimate: Estimate): string {
  if (estimate.n < 2) return '—';
  return `${formatScore(estimate.ciLow)}–${formatScore(estimate.ciHigh)}`;
}

/** "6.12 (95% CI 5.40–6.80, n = 6)", or "no data". */
export function formatEstimate(estimate: Estimate): string {
  if (estimate.n === 0) return 'no data';
  if (estimate.n === 1) return `${formatScore(estimate.mean)} (single episode, no interval)`;
  return `${formatScore(estimate.mean)} (95% CI ${formatInterval(estimate)}, n = ${estimate.n})`;
}

export function formatMean(estimate: Estimate): string {
  return estimate.n === 0 ? 'no data' : formatScore(estimate.mean);
}

export function formatTokens(tokens: number): string {
  return String(Math.round(tokens)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Four decimals: a cheap offline run costs fractions of a cent and should not read as $0.00. */
export function formatUsd(costUsd: number): string {
  return `$${costUsd.toFixed(4)}`;
}

export function formatImpact(impact: number): string {
  return `${impact > 0 ? '+' : impact < 0 ? '−' : '±'}${Math.abs(impact).toFixed(2)}`;
}

/** Episodes are 0-based in data and 1-based for readers. */
export function episodeLabel(episodeIndex: number): string {
  return `episode ${episodeIndex + 1}`;
}

/** A model may cite a dimension we do not know; show its key rather than hide the moment. */
export function dimensionLabel(key: string): string {
  return DIMENSIONS.find((d) => d.key === key)?.label ?? key;
}

export function horsemanLabel(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Gottman's rule of thumb for stable couples: at least five positive interactions per negative. */
export const GOTTMAN_RATIO = 5;

export const PARTIAL_NOTICE =
  'Partial report: the run stopped (budget or cancellation) before every planned episode finished; ' +
  'the numbers cover only the episodes that did.';

/**
 * The best and worst scored dimension of a scenario as "Label (mean)", for a one-glance table;
 * "—" when nothing was scored. Labels come from DIMENSIONS, so they need no escaping.
 */
export function extremes(dimensions: readonly { key: string; estimate: Estimate }[]): [string, string] {
  const scored = dimensions.filter((d) => d.estimate.n > 0);
  if (scored.length === 0) return ['—', '—'];
  // Stable sort keeps DIMENSIONS order among equal means, so ties resolve the same way each time.
  const sorted = [...scored].sort((a, b) => b.estimate.mean - a.estimate.mean);
  const label = (d: { key: string; estimate: Estimate }) => `${dimensionLabel(d.key)} (${formatScore(d.estimate.mean)})`;
  return [label(sorted[0]), label(sorted[sorted.length - 1])];
}

/** A measure's number on its own scale: one decimal from 10 up (rapport 0–100, ratios), two below (shares, LSM, sentiment). */
export function formatMeasureNumber(value: number): string {
  const digits = Math.abs(value) >= 10 ? 1 : 2;
  // A true minus sign: "−0.05–0.10" reads as a range, "-0.05–-0.10" hardly.
  return value < 0 ? `−${(-value).toFixed(digits)}` : value.toFixed(digits);
}

/** One episode's value: counts print as integers ("3"), the rest as formatMeasureNumber; "—" when there was nothing to measure. */
export function formatEpisodeValue(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : formatMeasureNumber(value);
}

/** "0.71 (95% CI 0.60–0.80, n = 4)"; "no data" when no episode had a value. */
export function formatMeasureEstimate(e: Estimate): string {
  if (e.n === 0) return 'no data';
  if (e.n === 1) return `${formatMeasureNumber(e.mean)} (single episode, no interval)`;
  return `${formatMeasureNumber(e.mean)} (95% CI ${formatMeasureInterval(e)}, n = ${e.n})`;
}

export function formatMeasureMean(e: Estimate): string {
  return e.n === 0 ? 'no data' : formatMeasureNumber(e.mean);
}

export function formatMeasureInterval(e: Estimate): string {
  if (e.n < 2) return '—';
  return `${formatMeasureNumber(e.ciLow)}–${formatMeasureNumber(e.ciHigh)}`;
}

/** The overall verdict when the judge scored no dimension: never "0.00 / 10". */
export const NOT_SCORED = 'not scored';
