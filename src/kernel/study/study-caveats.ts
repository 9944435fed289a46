import type { StudyResult } from './study-result';

/**
 * Plain-language caveats written from a study's numbers. They exist because a single AUC is
 * easy to over-read: each line names the figure that triggered it, so an analyst can check it
 * against the result. Thresholds are conventions, stated where they apply: AUC 0.65 (what
 * profile-only speed-dating data stays under), an optimism of 0.03, 10 events per feature,
 * fewer than 10 groups, fewer than 100 pairs per fairness group.
 */
const f3 = (v: number) => v.toFixed(3);
const f2 = (v: number) => v.toFixed(2);

export function writeCaveats(r: StudyResult, requestedResamples: number): string[] {
  const caveats: string[] = [];
  const { auc: a, interval } = r.outOfFold;
  if (a === null || interval.lower === null || interval.upper === null) {
    caveats.push('No out-of-fold AUC could be computed.');
  } else {
    const span = `${f3(a)} (95% interval ${f3(interval.lower)}–${f3(interval.upper)})`;
    if (interval.lower <= 0.5 && interval.upper >= 0.5) {
      caveats.push(`Out-of-fold AUC ${span}: the interval covers 0.5 — no evidence of predictive value.`);
    } else if (interval.upper < 0.5) {
      caveats.push(`Out-of-fold AUC ${span} lies below 0.5: the predictions rank worse than chance — check the outcome's coding.`);
    } else if (a < 0.65) {
      caveats.push(`Out-of-fold AUC ${span}: above chance but weak (below 0.65) — enough to rank groups of pairs, not to predict one pair.`);
    }
    if (interval.resamples < requestedResamples) {
      caveats.push(`${requestedResamples - interval.resamples} bootstrap resamples lacked a class and were left out.`);
    }
  }
  if (r.optimism !== null && r.optimism >= 0.03) {
    caveats.push(
      `In-sample AUC ${f3(r.inSample.auc!)} exceeds out-of-fold by ${f2(r.optimism)}: overfitting — only the out-of-fold figure estimates performance on new people.`,
    );
  }
  const skill = r.outOfFold.brierSkill;
  if (skill !== null && skill <= 0) {
    caveats.push(`Brier skill ${f3(skill)} ≤ 0: the probabilities are no better than giving everyone the base rate (${f3(r.baseRate)}).`);
  }
  const slope = r.outOfFold.calibrationSlope;
  if (slope !== null && interval.lower !== null && interval.lower > 0.5) {
    if (slope < 0.8) caveats.push(`Calibration slope ${f2(slope)} < 1: the predicted probabilities are too extreme (overfitted).`);
    if (slope > 1.25) caveats.push(`Calibration slope ${f2(slope)} > 1: the predicted probabilities are too timid (over-regularised).`);
  }
  if (r.power && !r.power.enough) {
    caveats.push(
      `n too small for ±${r.power.target}: the 95% interval is about ±${f3(r.power.halfWidth)} now; about ${r.power.pairsNeeded} pairs would be needed at this base rate and AUC` +
        (r.power.designEffect !== null ? ` (Hanley–McNeil, inflated by the design effect ${f2(Math.max(1, r.power.designEffect))} of pairs sharing groups).` : ' (Hanley–McNeil).'),
    );
  }
  if (r.groups < 10) {
    caveats.push(`Only ${r.groups} groups: the group bootstrap has few units to resample, so the interval is rough and probably too narrow.`);
  }
  const events = Math.min(r.positives, r.n - r.positives);
  if (events < 50) caveats.push(`Only ${events} outcomes in the smaller class: every figure here is fragile.`);
  const perFeature = events / Math.max(1, r.features);
  if (perFeature < 10) {
    caveats.push(
      `${f2(perFeature)} events per feature (< 10): a high risk of overfitting, which the penalty (λ = ${r.crossValidation.chosenLambda}) only partly absorbs.`,
    );
  }
  const grid = r.crossValidation.lambdaGrid;
  if (r.crossValidation.chosenLambda === grid[grid.length - 1]) {
    caveats.push(`The strongest penalty in the grid (λ = ${grid[grid.length - 1]}) was chosen: the features may carry little signal, and a stronger penalty might do better still.`);
  } else if (r.crossValidation.chosenLambda === grid[0]) {
    caveats.push(`The weakest penalty in the grid (λ = ${grid[0]}) was chosen: a weaker one might do better still.`);
  }
  if (r.crossValidation.leaveOneGroupOut) {
    caveats.push(`Fewer groups than folds: leave-one-group-out cross-validation was used (${r.crossValidation.outerFolds} folds).`);
  }
  caveats.push(...r.crossValidation.notes);
  if (r.crossValidation.unconvergedFits > 0) {
    caveats.push(
      `${r.crossValidation.unconvergedFits} of ${r.crossValidation.fits} logistic fits stopped at the iteration cap before converging (near-separation?): their predictions are approximate.`,
    );
  }
  for (const b of r.baselines) {
    const d = b.delta;
    if (b.auc !== null && b.auc < 0.5) caveats.push(`Baseline ${b.name} ranks below chance (AUC ${f3(b.auc)}): is its direction reversed?`);
    if (d.estimate === null || d.lower === null || d.upper === null) continue;
    const span = `ΔAUC ${f3(d.estimate)} (95% interval ${f3(d.lower)}–${f3(d.upper)})`;
    if (d.lower > 0) caveats.push(`The model beats ${b.name}: ${span}.`);
    else if (d.upper < 0) caveats.push(`The model is worse than ${b.name}: ${span}.`);
    else caveats.push(`No evidence the model beats ${b.name}: ${span} covers 0; Δ ≤ 0 in ${Math.round(100 * d.shareAtOrBelowZero!)}% of resamples.`);
  }
  if (r.outcome.kind === 'ordinal' && r.outcome.ordinalModel === 'cumulative') {
    const rho = r.ordinal?.spearmanInterval;
    caveats.push(
      `Ordinal outcome, modelled cumulatively (Frank & Hall): ${r.outcome.levels.length - 1} models, one per cut P(outcome ≥ k), each with its own penalty; the AUC, Brier score and calibration are those of the cut ≥ ${r.outcome.positiveFrom} (base rate ${f3(r.baseRate)}), and Spearman ρ of the expected level describes the whole scale${rho && rho.lower !== null && rho.upper !== null ? ` (ρ ${rho.estimate === null ? "n/a" : f3(rho.estimate)}, 95% interval ${f3(rho.lower)}–${f3(rho.upper)}${rho.lower <= 0 && rho.upper >= 0 ? ': it covers 0, no evidence the model orders the scale' : ''})` : ''}.`,
    );
  } else if (r.outcome.kind === 'ordinal') {
    caveats.push(
      `Ordinal outcome: the model was fitted to outcome ≥ ${r.outcome.positiveFrom} (base rate ${f3(r.baseRate)}); Spearman ρ and the cumulative AUCs describe the whole scale.`,
    );
  }
  if (r.fairness) {
    const fr = r.fairness;
    for (const g of fr.groups) {
      if (g.auc === null) caveats.push(`${fr.attribute} = ${g.value} lacks one outcome class: no AUC for it.`);
    }
    const small = fr.groups.filter((g) => g.n < 100);
    if (small.length > 0) {
      caveats.push(`${fr.attribute} groups under 100 pairs (${small.map((g) => `${g.value}: ${g.n}`).join(', ')}): their rates and AUCs are noisy.`);
    }
    // Each gap is reported with how many (group-clustered) standard errors it spans against the
    // bar chance reaches for a range over this many groups, so noise is not read as a finding.
    const noise = (gap: number, se: number | null) =>
      se === null || se === 0
        ? ''
        : gap / se < fr.gapNoiseBar
          ? ` — ${f2(gap / se)} standard errors, under the ${f2(fr.gapNoiseBar)} a range over ${fr.groups.length} groups reaches by chance: may be noise`
          : ` — ${f2(gap / se)} standard errors (chance alone reaches about ${f2(fr.gapNoiseBar)})`;
    const se = fr.gapStandardErrors;
    if (fr.aucGap !== null && fr.aucGap >= 0.1) {
      const withAuc = fr.groups.filter((g) => g.auc !== null);
      const worst = withAuc.reduce((w, g) => (g.auc! < w.auc! ? g : w));
      caveats.push(
        `AUC differs across ${fr.attribute} by ${f2(fr.aucGap)} (lowest: ${worst.value}, ${f3(worst.auc!)})${noise(fr.aucGap, se.auc)}.`,
      );
    }
    if (fr.equalizedOddsDifference !== null && fr.equalizedOddsDifference >= 0.1) {
      const tprLeads = (fr.truePositiveRateGap ?? 0) >= (fr.falsePositiveRateGap ?? 0);
      caveats.push(
        `Equalized-odds difference ${f2(fr.equalizedOddsDifference)} across ${fr.attribute} (TPR gap ${f2(fr.truePositiveRateGap ?? 0)}, FPR gap ${f2(fr.falsePositiveRateGap ?? 0)}) at threshold ${f3(fr.threshold)}` +
          `${noise(fr.equalizedOddsDifference, tprLeads ? se.truePositiveRate : se.falsePositiveRate)}.`,
      );
    }
    if (fr.demographicParityDifference >= 0.1) {
      caveats.push(
        `Demographic parity difference ${f2(fr.demographicParityDifference)} across ${fr.attribute}: groups are predicted positive at different rates${noise(fr.demographicParityDifference, se.demographicParity)}.`,
      );
    }
  }
  return caveats;
}

