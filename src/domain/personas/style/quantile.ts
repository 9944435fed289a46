/**
 * Quantile of an ascending list by linear interpolation between closest ranks, so the
 * median of an even-sized list is the mean of the two middle values. 0 for an empty list.
 */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
