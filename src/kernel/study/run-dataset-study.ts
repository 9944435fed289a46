import type { StudyDataset } from './dataset/study-dataset';
import { type FeatureSet, fairnessValues } from './features/build-features';
import type { OrdinalModelKind } from './ordinal';
import { runStudy, type StudyResult } from './run-study';

export interface StudyRunOptions {
  seed: number;
  outerFolds?: number;
  innerFolds?: number;
  /** Bootstrap resamples (default 1,000). */
  resamples?: number;
  ordinalPositiveFrom?: number;
  /** Ordinal outcomes: cumulative (one model per cut, the default) or threshold (one model of ≥ positiveFrom). */
  ordinalModel?: OrdinalModelKind;
  /** A categorical people attribute, "attribute" (the schema's side, else person B) or "a:attribute" / "b:attribute". */
  fairnessAttribute?: string;
  /** Overall progress 0–1 with the stage running (cross-validation, final-model, bootstrap, done). */
  onProgress?: (p: { stage: string; fraction: number }) => void;
}

/**
 * A validation study on a dataset and its features: runStudy (nested group-aware
 * cross-validation, bootstrap intervals, baselines, calibration, power, fairness, caveats) with
 * the dataset's groups, baselines and fairness attribute.
 */
export function runDatasetStudy(d: StudyDataset, features: FeatureSet, options: StudyRunOptions): StudyResult {
  if (features.rows.length !== d.pairs.a.length) {
    throw new Error(`the features have ${features.rows.length} rows for ${d.pairs.a.length} pairs: build them from this dataset`);
  }
  const groups = new Set(features.groups).size;
  if (groups < 2) {
    throw new Error(
      d.pairs.groupSource === 'connected-components'
        ? 'every pair is connected to every other through shared people, so there is one group and nothing to cross-validate on: declare a group column (wave, event)'
        : 'the pairs come from a single group: cross-validation by group needs at least two',
    );
  }
  const fairness = options.fairnessAttribute === undefined ? features.fairness : fairnessValues(d, fairnessSpec(d, options.fairnessAttribute));
  const progress = options.onProgress;
  return runStudy({
    features: features.rows,
    featureNames: features.names,
    outcome: features.outcome,
    groups: features.groups,
    baselines: features.baselines.map((b) => ({ name: b.name, score: b.score })),
    fairnessAttribute: fairness ?? undefined,
    seed: options.seed,
    options: {
      outerFolds: options.outerFolds,
      innerFolds: options.innerFolds,
      resamples: options.resamples,
      ordinalPositiveFrom: options.ordinalPositiveFrom,
      ordinalModel: options.ordinalModel,
      onProgress: progress && ((p) => progress({ stage: p.stage, fraction: overallFraction(p) })),
    },
  });
}

/** Cross-validation is nearly all of the work; the rest is quick. */
function overallFraction(p: { stage: string; fraction: number }): number {
  switch (p.stage) {
    case 'cross-validation':
      return 0.02 + 0.83 * p.fraction;
    case 'final-model':
      return 0.86;
    case 'bootstrap':
      return 0.92;
    default:
      return p.fraction;
  }
}

function fairnessSpec(d: StudyDataset, text: string): { attribute: string; side: 'a' | 'b' } {
  const match = /^(a|b):(.+)$/.exec(text);
  if (match) return { attribute: match[2], side: match[1] as 'a' | 'b' };
  return { attribute: text, side: d.schema.fairness?.side ?? 'b' };
}
