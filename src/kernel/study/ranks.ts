// Number is read through a module constant because hot loops run under jest's vm sandbox
// too, where every global lookup costs ~100× a local one.
const { isNaN } = Number;

/**
 * Average ranks (1-based; tied values share the mean of the ranks they span). Both the
 * Mann–Whitney AUC and Spearman's ρ are defined on these, which is what makes a tie count as
 * one half in the AUC.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = sortedOrder(values);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

/** Indices that sort `values` ascending (stable). NaN is rejected: it has no rank. */
export function sortedOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (isNaN(values[i])) throw new Error(`value ${i} is NaN: it has no rank`);
    order[i] = i;
  }
  order.sort((a, b) => values[a] - values[b] || a - b);
  return order;
}
