import type { StudyDataset } from '../dataset/study-dataset';
import type { FeatureSet } from '../features/build-features';
import type { ValidityCard } from '../match-model/validity-card';
import type { StudyResult } from '../run-study';

/** Everything a study report shows, as data (JSON), rendered by renderStudyMarkdown / renderStudyHtml. */
export interface StudyReport {
  title: string;
  dataset: StudyDataset['stats'] & { hash: string };
  result: StudyResult;
  features: FeatureSet['names'];
  featureDescriptions: string[];
  card: ValidityCard | null;
  /**
   * ROC curve of the out-of-fold predictions pooled over folds (at most ~100 points). The
   * headline AUC counts pairs within folds only, so it can differ slightly from the area under
   * this curve.
   */
  roc: { fpr: number; tpr: number }[];
  generatedAt: string;
  /** Features with imputed values: how many pairs lacked each. */
  imputed: { name: string; missing: number }[];
}

export function buildStudyReport(input: {
  title: string;
  dataset: StudyDataset;
  features: FeatureSet;
  result: StudyResult;
  card?: ValidityCard | null;
  generatedAt?: Date;
}): StudyReport {
  const { dataset, features, result } = input;
  if (result.n !== features.outcome.length) throw new Error(`the study has ${result.n} pairs, the features ${features.outcome.length}`);
  const labels = features.outcome.map((v) => (result.outcome.positiveFrom === null ? v : v >= result.outcome.positiveFrom ? 1 : 0));
  return {
    title: input.title,
    dataset: { ...dataset.stats, hash: dataset.hash },
    result,
    features: features.names,
    featureDescriptions: features.descriptions,
    card: input.card ?? null,
    roc: rocCurve(result.outOfFoldPredictions, labels),
    generatedAt: (input.generatedAt ?? new Date()).toISOString(),
    imputed: features.imputation.filter((f) => f.missing > 0).map((f) => ({ name: f.name, missing: f.missing })),
  };
}

/** ROC points from the highest threshold down, ties taken together, thinned to about `points`. */
export function rocCurve(scores: readonly number[], labels: readonly number[], points = 100): { fpr: number; tpr: number }[] {
  const order = scores.map((_, i) => i).sort((x, y) => scores[y] - scores[x]);
  const positives = labels.reduce((s, v) => s + v, 0);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return [];
  const curve = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]] === 1) tp++;
    else fp++;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    curve.push({ fpr: fp / negatives, tpr: tp / positives });
  }
  if (curve.length <= points + 1) return curve;
  const step = (curve.length - 1) / points;
  const thinned: { fpr: number; tpr: number }[] = [];
  for (let k = 0; k <= points; k++) thinned.push(curve[Math.round(k * step)]);
  return thinned;
}
