import {
  buildFeatures,
  buildStudyReport,
  buildValidityCard,
  deserializeDataset,
  runDatasetStudy,
  type StudyReport,
  type StudyResult,
  type ValidityCard,
} from '../../kernel/study';
import type { SimulationFeatures } from './simulation-features';
import type { StudyRunSettings } from './study.entity';

export interface StudyComputationInput {
  studyId: string;
  datasetName: string;
  /** The serialized dataset (already opened). */
  data: Uint8Array;
  seed: number;
  settings: StudyRunSettings;
  /** ISO time the card and report are dated with. */
  at: string;
  /** Schemas linking pairs to personas: the `sim:` features, read from the owner's simulations before the run. */
  simulationFeatures?: SimulationFeatures | null;
}

/** What a study keeps: the result without its per-row predictions (the report's ROC holds what a reader needs). */
export type StoredStudyResult = Omit<StudyResult, 'outOfFoldPredictions'> & {
  featureDescriptions: { name: string; description: string }[];
  imputation: { name: string; mean: number; missing: number }[];
};

export interface StudyComputationOutput {
  result: StoredStudyResult;
  report: StudyReport;
  /** The validity card a match model made from this study would carry (its id and name set then). */
  card: ValidityCard;
}

export type StudyProgress = { stage: string; fraction: number };

/**
 * The whole computation of a study, pure and synchronous: features from the declared schema,
 * nested group-aware cross-validation, the report and the validity card. Runs in a worker
 * thread (src/jobs/study-thread.ts) so a long study neither blocks the process nor starves
 * its job lock, and its progress reaches subscribers while it runs.
 */
export function computeStudy(input: StudyComputationInput, onProgress: (p: StudyProgress) => void): StudyComputationOutput {
  onProgress({ stage: 'loading', fraction: 0 });
  const dataset = deserializeDataset(input.data);
  onProgress({ stage: 'features', fraction: 0.02 });
  const simulation = input.simulationFeatures ?? null;
  const features = buildFeatures(dataset, { conversationMeasures: input.settings.conversationMeasures, extraPairFeatures: simulation?.features });
  const { settings } = input;
  const result = runDatasetStudy(dataset, features, {
    seed: input.seed,
    outerFolds: settings.outerFolds ?? undefined,
    innerFolds: settings.innerFolds ?? undefined,
    resamples: settings.resamples ?? undefined,
    ordinalPositiveFrom: settings.ordinalPositiveFrom ?? undefined,
    ordinalModel: settings.ordinalModel ?? undefined,
    fairnessAttribute: settings.fairnessAttribute ?? undefined,
    // The kernel reports 0–1 over its own stages; features took the first few percent.
    onProgress: (p) => onProgress({ stage: p.stage, fraction: 0.05 + 0.9 * clamp01(p.fraction) }),
  });
  onProgress({ stage: 'report', fraction: 0.96 });
  if (simulation) result.caveats.push(simulationCaveat(simulation, result.n));
  const createdAt = new Date(input.at);
  const card = buildValidityCard({ modelId: input.studyId, name: input.datasetName, createdAt, dataset, features, result, llm: simulation?.llm });
  const report = buildStudyReport({ title: input.datasetName, dataset, features, result, card: null, generatedAt: createdAt });
  const { outOfFoldPredictions: _predictions, ...kept } = result;
  return {
    result: {
      ...kept,
      featureDescriptions: features.names.map((name, j) => ({ name, description: features.descriptions[j] ?? name })),
      imputation: features.imputation.map((i) => ({ name: i.name, mean: i.mean, missing: i.missing })),
    },
    report,
    card,
  };
}

function simulationCaveat(s: SimulationFeatures, pairs: number): string {
  const base = `SoulLink simulation scores (sim:) as features: ${s.linked} of ${pairs} pairs are linked to personas, ${s.covered} of them with a completed simulation; the others have the scores imputed per training fold beside sim:has_simulation = 0.`;
  if (s.covered === 0) return `${base} No linked pair had a completed simulation, so the sim: features carry nothing.`;
  return `${base} The judge is a language model (${s.llm.map((l) => l.model).join(', ')}); the prompt version recorded is the current one (${s.llm[0]?.promptVersion ?? 'n/a'}), as stored runs do not record theirs.`;
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(Math.max(v, 0), 1) : 0;
}
