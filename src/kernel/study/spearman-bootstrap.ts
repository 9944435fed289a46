import type { GroupId } from './group-folds';
import { mulberry32, randomInt } from './random';
import { stratifiedSpearman } from './rank-correlation';

/**
 * Spearman's ρ (within strata, as `stratifiedSpearman`) on group resamples: each resample draws
 * as many groups as there are, with replacement, and takes every row of a drawn group as often
 * as it was drawn — the same scheme as the AUC's interval, so pairs that share people or a wave
 * are not counted as independent. NaN where a resample leaves ρ undefined.
 */
export function groupBootstrapSpearman(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  groups: readonly GroupId[],
  options: { seed: number; resamples?: number; strata?: ArrayLike<number> },
): Float64Array {
  const n = x.length;
  if (y.length !== n || groups.length !== n) throw new Error(`x (${n}), y (${y.length}) and groups (${groups.length}) differ in length`);
  const rowsOf = new Map<GroupId, number[]>();
  groups.forEach((g, i) => {
    const list = rowsOf.get(g);
    if (list) list.push(i);
    else rowsOf.set(g, [i]);
  });
  const members = [...rowsOf.values()];
  const resamples = options.resamples ?? 1000;
  const random = mulberry32(options.seed);
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const xs: number[] = [];
    const ys: number[] = [];
    const ss: number[] = [];
    for (let k = 0; k < members.length; k++) {
      for (const i of members[randomInt(random, members.length)]) {
        xs.push(x[i]);
        ys.push(y[i]);
        ss.push(options.strata ? options.strata[i] : 0);
      }
    }
    draws[r] = stratifiedSpearman(xs, ys, ss) ?? NaN;
  }
  return draws;
}
