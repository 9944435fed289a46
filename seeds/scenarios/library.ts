import type { ScenarioTemplate } from '../../src/kernel/simulation/scenarios/scenario-template.schema';
import { CONFLICT_AND_REPAIR } from './conflict-and-repair';
import { FAMILIES } from './families';
import { GETTING_CLOSER } from './getting-closer';
import { LIFE_CHANGES } from './life-changes';

/**
 * The seeded scenario library: every category of the brief, each template with alternatives
 * the generator varies per episode. Text is English; each persona still answers in its own
 * language. User and analyst templates join these through the same schema.
 */
export const SCENARIO_LIBRARY: ScenarioTemplate[] = [...GETTING_CLOSER, ...CONFLICT_AND_REPAIR, ...FAMILIES, ...LIFE_CHANGES];
