import { z } from 'zod';

export const startSimulationInput = z.object({
  selfPersonaId: z.uuid('must be a persona id'),
  partnerPersonaId: z.uuid('must be a persona id'),
  /** Explicit scenario template ids; otherwise `scenarioCount` are picked by the seed. */
  scenarioIds: z.array(z.string().min(1).max(64)).min(1, 'needs at least one id').max(20, 'at most 20 scenarios').optional(),
  scenarioCount: z.number().int().min(1, 'must be at least 1').max(20, 'must be at most 20').default(2),
  episodesPerScenario: z.number().int().min(1, 'must be at least 1').max(20, 'must be at most 20').default(2),
  maxTurns: z.number().int().min(2, 'must be at least 2').max(40, 'must be at most 40').default(12),
  seed: z.string().trim().min(1).max(64, 'must be at most 64 characters').optional(),
  tokenBudget: z.number().int().positive('must be positive').max(5_000_000, 'must be at most 5,000,000').default(200_000),
});

export type StartSimulationInput = z.infer<typeof startSimulationInput>;
