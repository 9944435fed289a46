import { z } from 'zod';
import { StudyDatasetFormat } from './study-dataset.entity';
import { StudyOrdinalModel } from './study.entity';

/** Input rules of the study operations, shared by GraphQL, the upload route and tests. */

/** Largest table accepted inline by the createStudyDataset mutation; bigger files use the streamed upload. */
export const INLINE_TABLE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Streamed upload limits. They clear the floor (10,000 pairs, 5,000 people, 200
 * attributes) with room: 5,000 × 200 numeric cells are ~5 MB of CSV.
 */
export const UPLOAD_LIMITS = {
  people: { maxRows: 50_000, maxBytes: 64 * 1024 * 1024 },
  pairs: { maxRows: 200_000, maxBytes: 256 * 1024 * 1024 },
} as const;

const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

export const datasetHeaderInput = z.object({
  name,
  format: z.enum(StudyDatasetFormat),
  /** JSON text or an object; parseStudySchema checks it. */
  schema: z.union([z.string().max(1_000_000, 'must be at most 1 MB'), z.record(z.string(), z.unknown())]),
});
export type DatasetHeaderInput = z.infer<typeof datasetHeaderInput>;

export const createStudyDatasetInput = datasetHeaderInput.extend({
  people: z.string().max(INLINE_TABLE_MAX_BYTES, `must be at most ${INLINE_TABLE_MAX_BYTES} characters (use the streamed upload, POST /v1/study-datasets)`),
  pairs: z.string().max(INLINE_TABLE_MAX_BYTES, `must be at most ${INLINE_TABLE_MAX_BYTES} characters (use the streamed upload, POST /v1/study-datasets)`),
});

export const startStudyInput = z.object({
  datasetId: z.string(),
  seed: z.number().int().min(0).max(2_147_483_647).nullish(),
  /** A categorical people attribute (overrides the schema's fairness attribute). */
  fairnessAttribute: z.string().trim().min(1).max(200).nullish(),
  ordinalPositiveFrom: z.number().int().min(1).max(100).nullish(),
  ordinalModel: z.enum(StudyOrdinalModel).nullish(),
  conversationMeasures: z.boolean().nullish(),
  /** Cross-validation and bootstrap sizes: smaller is faster and less precise (the report says which were used). */
  outerFolds: z.number().int().min(2, 'must be at least 2').max(20, 'must be at most 20').nullish(),
  innerFolds: z.number().int().min(2, 'must be at least 2').max(10, 'must be at most 10').nullish(),
  resamples: z.number().int().min(100, 'must be at least 100').max(5000, 'must be at most 5000').nullish(),
});
export type StartStudyInput = z.infer<typeof startStudyInput>;

export const matchModelName = name;

export const rankCandidatesInput = z.object({
  selfPersonaId: z.string(),
  partnerPersonaIds: z.array(z.string()).min(1, 'must name at least one candidate').max(50, 'must name at most 50 candidates'),
  modelId: z.string(),
  simulateTopK: z.number().int().min(0).max(3, 'must be at most 3').nullish(),
  /** Tokens the batch may start simulations for (default: simulateTopK short simulations' worth). */
  simulationTokenBudget: z.number().int().min(1, 'must be at least 1').max(1_000_000, 'must be at most 1,000,000').nullish(),
});

export const personaStudyAttributesInput = z
  .array(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        number: z.number().finite().nullish(),
        category: z.string().trim().min(1).max(200).nullish(),
      })
      .refine((a) => (a.number === null || a.number === undefined) !== (a.category === null || a.category === undefined), {
        message: 'give exactly one of number and category',
      }),
  )
  .max(2000, 'must be at most 2000 attributes');
