import type { ScenarioInstance } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import { SeededRandom } from '../../../src/kernel/simulation/scenarios/seeded-random';
import type { Role } from '../state';

/** Seeds sent to models: non-negative 31-bit integers, which every OpenAI-compatible server accepts. */
const MAX_SEED = 2 ** 31 - 1;

/**
 * Model seeds follow from the episode's seed (`${runSeed}:${templateId}:${episodeIndex}`), not
 * from the run id, so two runs with the same seed send the same seeds; each call has its own
 * fork, so a call added elsewhere shifts none of them.
 */
export const sceneSeed = (scenario: ScenarioInstance): number => new SeededRandom(scenario.seed).fork('scene').int(0, MAX_SEED);

/** The seed of turn `turn` (1-based) spoken by `speaker`. */
export const turnSeed = (scenario: ScenarioInstance, turn: number, speaker: Role): number =>
  new SeededRandom(scenario.seed).fork(`turn:${turn}:${speaker}`).int(0, MAX_SEED);
