/**
 * A score used as given (a baseline) with missing values (NaN): each row of outer fold f takes
 * the mean of the score over the rows of the other folds, so no held-out value shapes what a
 * held-out row is filled with — the rule the fitted features follow (see standardizeDesign).
 * A score missing on every row outside a fold fills that fold with 0.
 */
export function imputeByFold(score: readonly number[], foldOfRow: readonly number[]): number[] {
  if (!score.some((v) => Number.isNaN(v))) return [...score];
  let totalSum = 0;
  let totalCount = 0;
  const sum = new Map<number, number>();
  const count = new Map<number, number>();
  score.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    const f = foldOfRow[i];
    totalSum += v;
    totalCount++;
    sum.set(f, (sum.get(f) ?? 0) + v);
    count.set(f, (count.get(f) ?? 0) + 1);
  });
  return score.map((v, i) => {
    if (!Number.isNaN(v)) return v;
    const f = foldOfRow[i];
    const others = totalCount - (count.get(f) ?? 0);
    return others === 0 ? 0 : (totalSum - (sum.get(f) ?? 0)) / others;
  });
}
