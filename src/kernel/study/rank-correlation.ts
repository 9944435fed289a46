import { averageRanks } from './ranks';

/**
 * Spearman's ρ: Pearson's correlation of the average ranks, so ties are handled the way
 * scipy.stats.spearmanr and R's cor(method = "spearman") handle them. Null when either side is
 * constant (the correlation is undefined).
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) throw new Error(`x (${x.length}) and y (${y.length}) differ in length`);
  if (x.length < 2) return null;
  return pearson(averageRanks(x), averageRanks(y));
}

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's ρ within each stratum, averaged with weights n − 1 (strata of one row carry no
 * correlation). For cross-validated predictions, as with the AUC: each fold has its own model,
 * and pooling folds would mix the models' offsets into the ranking.
 */
export function stratifiedSpearman(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  strata: ArrayLike<number>,
): number | null {
  const rows = new Map<number, number[]>();
  for (let i = 0; i < strata.length; i++) {
    const list = rows.get(strata[i]);
    if (list) list.push(i);
    else rows.set(strata[i], [i]);
  }
  let sum = 0;
  let weight = 0;
  for (const list of rows.values()) {
    const rho = spearman(
      list.map((i) => x[i]),
      list.map((i) => y[i]),
    );
    if (rho === null) continue;
    sum += rho * (list.length - 1);
    weight += list.length - 1;
  }
  return weight === 0 ? null : sum / weight;
}
