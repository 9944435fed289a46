import type { StudyReport } from './study-report';

/**
 * The report's content as plain sections (text, tables, lists), written once and rendered by
 * both the Markdown and the HTML renderer, so the two can never tell different stories.
 */
export interface ReportSection {
  /** Stable key: the HTML renderer places its charts by it. */
  key: string;
  heading: string;
  paragraphs: string[];
  table?: { columns: string[]; rows: string[][] };
  list?: string[];
}

const f3 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(3));
const f2 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(2));
const signed = (v: number | null) => (v === null ? 'n/a' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`);
const span = (low: number | null, high: number | null) => `${f3(low)}–${f3(high)}`;

/** The headline in one sentence (Markdown puts it in bold). */
export function headline(r: StudyReport): string {
  const { auc, interval } = r.result.outOfFold;
  return `Out-of-fold AUC ${f3(auc)} (95% interval ${span(interval.lower, interval.upper)})`;
}

/** Null unless the interval covers 0.5. */
export function chanceSentence(r: StudyReport): string | null {
  const { lower, upper } = r.result.outOfFold.interval;
  if (lower === null || upper === null) return 'No out-of-fold AUC could be computed: there is no evidence this predicts anything.';
  return lower <= 0.5 && upper >= 0.5 ? 'No evidence this predicts better than chance: the 95% interval covers 0.5.' : null;
}

export function reportSections(r: StudyReport): ReportSection[] {
  const res = r.result;
  const cv = res.crossValidation;
  const sections: ReportSection[] = [];

  const outcome =
    res.outcome.kind === 'binary'
      ? `binary outcome, base rate ${f3(res.baseRate)}`
      : res.outcome.ordinalModel === 'cumulative'
        ? `ordinal outcome (levels ${res.outcome.levels.join(', ')}), modelled cumulatively (one model per cut ≥ k); headline figures at the cut ≥ ${res.outcome.positiveFrom} (base rate ${f3(res.baseRate)})`
        : `ordinal outcome (levels ${res.outcome.levels.join(', ')}), modelled as ≥ ${res.outcome.positiveFrom} (base rate ${f3(res.baseRate)})`;
  sections.push({
    key: 'dataset',
    heading: 'Dataset',
    paragraphs: [
      `${r.dataset.pairs} pairs of ${r.dataset.people} people in ${r.dataset.groups} groups; ${r.dataset.attributes} attributes per person; ${r.dataset.conversations} pairs with a conversation; ${outcome}.`,
      `${r.features.length} features. Dataset sha256 ${r.dataset.hash}. Generated ${r.generatedAt}.`,
    ],
  });

  const headlineParagraphs = [
    `${headline(r)} — nested, group-aware cross-validation: ${cv.outerFolds} outer folds${cv.leaveOneGroupOut ? ' (leave-one-group-out)' : ''} by group, λ chosen by ${cv.innerFolds}-fold inner cross-validation; the interval resamples whole groups (${res.outOfFold.interval.resamples} resamples).`,
    `In-sample AUC ${f3(res.inSample.auc)} beside it (the final model scored on its own training pairs): optimism ${signed(res.optimism)}. Only the out-of-fold figure estimates performance on new people.`,
  ];
  const chance = chanceSentence(r);
  if (chance) headlineParagraphs.push(chance);
  headlineParagraphs.push(
    'For context: in the published speed-dating literature, profile-only features predict romantic interest only weakly (AUC well under 0.65). A profile-only model scoring far above that deserves a check for leakage before it is believed.',
  );
  sections.push({ key: 'headline', heading: 'How predictive is it?', paragraphs: headlineParagraphs });

  sections.push({
    key: 'baselines',
    heading: 'Against baselines',
    paragraphs:
      res.baselines.length === 0
        ? ['No baseline was declared or derivable.']
        : ['ΔAUC is the model minus the baseline, with a paired group-bootstrap 95% interval: an interval above 0 means the model beats the baseline.'],
    table:
      res.baselines.length === 0
        ? undefined
        : {
            columns: ['baseline', 'AUC', 'ΔAUC', '95% interval', 'reading'],
            rows: res.baselines.map((b) => [
              b.name,
              f3(b.auc),
              signed(b.delta.estimate),
              span(b.delta.lower, b.delta.upper),
              b.delta.lower === null || b.delta.upper === null
                ? 'n/a'
                : b.delta.lower > 0
                  ? 'model better'
                  : b.delta.upper < 0
                    ? 'model worse'
                    : 'no evidence of a difference',
            ]),
          },
  });

  const oof = res.outOfFold;
  sections.push({
    key: 'probabilities',
    heading: 'Probabilities and calibration',
    paragraphs: [
      `Brier score ${f3(oof.brier)}; Brier skill ${f3(oof.brierSkill)} against always predicting the base rate (${f3(res.baseRate)})${oof.brierSkill !== null && oof.brierSkill <= 0 ? ' — no better than the base rate' : ''}. Log-loss ${f3(oof.logLoss)}.`,
      `Calibration slope ${f2(oof.calibrationSlope)} (1 is ideal; below 1 the probabilities are too extreme, above 1 too timid); mean prediction minus base rate ${signed(oof.calibrationInTheLarge)}.`,
    ],
    table: {
      columns: ['decile', 'mean predicted', 'observed', '95% interval', 'pairs'],
      rows: oof.calibration.map((b) => [String(b.bin + 1), f3(b.meanPredicted), f3(b.observedRate), span(b.observedLower, b.observedUpper), String(b.count)]),
    },
  });

  if (res.power) {
    const p = res.power;
    sections.push({
      key: 'power',
      heading: 'Precision and sample size',
      paragraphs: [
        `The 95% interval is about ±${f3(p.halfWidth)} at ${p.pairs} pairs${p.designEffect !== null ? ` (design effect ${f2(p.designEffect)} from pairs sharing groups)` : ''}. About ${p.pairsNeeded} pairs would give ±${p.target} at this base rate and AUC${p.enough ? ' — this study has enough.' : ' — this study has too few.'}`,
      ],
    });
  }

  if (res.fairness) {
    const fr = res.fairness;
    sections.push({
      key: 'fairness',
      heading: `Fairness across ${fr.attribute}`,
      paragraphs: [
        `At threshold ${f3(fr.threshold)}: demographic parity difference ${f3(fr.demographicParityDifference)}, equalized-odds difference ${f3(fr.equalizedOddsDifference)}, AUC gap ${f3(fr.aucGap)}. A gap under about ${f2(fr.gapNoiseBar)} standard errors may be noise (SEs: parity ${f3(fr.gapStandardErrors.demographicParity)}, TPR ${f3(fr.gapStandardErrors.truePositiveRate)}, FPR ${f3(fr.gapStandardErrors.falsePositiveRate)}, AUC ${f3(fr.gapStandardErrors.auc)}).`,
      ],
      table: {
        columns: ['group', 'pairs', 'positives', 'AUC', 'predicted positive', 'TPR', 'FPR'],
        rows: fr.groups.map((g) => [g.value, String(g.n), String(g.positives), f3(g.auc), f3(g.positiveRate), f3(g.truePositiveRate), f3(g.falsePositiveRate)]),
      },
    });
  }

  if (res.ordinal) {
    const o = res.ordinal;
    const rho = `${f3(o.spearman)} (95% group-bootstrap interval ${span(o.spearmanInterval.lower, o.spearmanInterval.upper)}, within folds)`;
    const covers = o.spearmanInterval.lower !== null && o.spearmanInterval.upper !== null && o.spearmanInterval.lower <= 0 && o.spearmanInterval.upper >= 0;
    const paragraphs =
      o.model === 'cumulative'
        ? [
            `Ordinal model: cumulative (Frank & Hall 2001) — ${o.cuts.length} L2 logistic models, one per cut P(outcome ≥ k), each with its penalty chosen by inner group cross-validation; each pair's probabilities are made non-increasing in k, and its score is the expected level.`,
            `Spearman ρ of the out-of-fold expected level with the outcome: ${rho}.${covers ? ' The interval covers 0: no evidence the model orders the scale.' : ''}`,
          ]
        : [
            `Ordinal model: threshold — one model of outcome ≥ ${res.outcome.positiveFrom}, its probability scored against the whole scale.`,
            `Spearman ρ of the out-of-fold probability with the outcome: ${rho}.${covers ? ' The interval covers 0: no evidence the model orders the scale.' : ''}`,
          ];
    const lambdaOf = new Map(o.cuts.map((c) => [c.threshold, c.lambda]));
    sections.push({
      key: 'ordinal',
      heading: 'Ordinal outcome',
      paragraphs,
      table: {
        columns: o.model === 'cumulative' ? ['cut', 'positives', 'negatives', 'AUC of P(≥ cut)', 'λ'] : ['cut', 'positives', 'negatives', 'AUC'],
        rows: o.cumulative.map((c) => {
          const row = [`≥ ${c.threshold}`, String(c.positives), String(c.negatives), f3(c.auc)];
          return o.model === 'cumulative' ? [...row, String(lambdaOf.get(c.threshold) ?? 'n/a')] : row;
        }),
      },
    });
  }

  const top = [...res.coefficients].filter((c) => c.used).sort((x, y) => Math.abs(y.standardized) - Math.abs(x.standardized)).slice(0, 15);
  const describe = new Map(r.features.map((name, j) => [name, r.featureDescriptions[j]]));
  const modelParagraphs = [
    `L2 logistic regression, λ = ${cv.chosenLambda} (grid ${cv.lambdaGrid.join(', ')}), ${res.features} features; the largest coefficients below are log-odds per standard deviation of the feature, fitted on all pairs.`,
  ];
  if (res.outcome.ordinalModel === 'cumulative') {
    modelParagraphs.push(`The coefficients are those of the cut ≥ ${res.outcome.positiveFrom}; every cut’s model is in the JSON result (ordinal.cuts) and in a match model’s validity card.`);
  }
  if (r.card) modelParagraphs.push(`Kept as match model ${r.card.modelId} (“${r.card.name}”, validity card v${r.card.version}, created ${r.card.createdAt}). ${r.card.calibration.method}`);
  if (r.imputed.length > 0) {
    modelParagraphs.push(
      `Missing values were replaced by the feature’s mean, computed on each fit’s own training pairs only (inside every outer and inner fold; the held-out pairs never shape it): ${r.imputed.slice(0, 10).map((f) => `${f.name} (${f.missing} pairs)`).join(', ')}${r.imputed.length > 10 ? `, and ${r.imputed.length - 10} more features` : ''}.`,
    );
  }
  sections.push({
    key: 'model',
    heading: 'The model',
    paragraphs: modelParagraphs,
    table: { columns: ['feature', 'per SD', 'meaning'], rows: top.map((c) => [c.name, signed(c.standardized), describe.get(c.name) ?? '']) },
  });

  sections.push({ key: 'caveats', heading: 'Caveats', paragraphs: res.caveats.length === 0 ? ['None were triggered.'] : [], list: res.caveats });
  return sections;
}
