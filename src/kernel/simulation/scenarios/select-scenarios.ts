import type { ScenarioCategory, ScenarioTemplate } from './scenario-template.schema';
import { SeededRandom } from './seeded-random';
import { UnknownScenarioError } from './unknown-scenario.error';

export { UnknownScenarioError } from './unknown-scenario.error';

/** Scenarios per simulation when the caller names neither ids nor a count. */
export const DEFAULT_SCENARIO_COUNT = 3;

export interface SelectScenariosOptions {
  seed: string;
  /** How many to sample; capped at the library size. Ignored when `ids` names any. */
  count?: number;
  /** Explicit choice, in this order; repeats are dropped. An empty list means "sample". */
  ids?: readonly string[];
}

/**
 * The scenarios a simulation plays. Explicit ids win (an unknown one throws
 * UnknownScenarioError). Otherwise a seeded sample that covers distinct categories before it
 * repeats one, because three money quarrels say less about a couple than money, a crisis and
 * a first date. The sample depends on the seed and the library's content, not its order.
 */
export function selectScenarios(library: readonly ScenarioTemplate[], options: SelectScenariosOptions): ScenarioTemplate[] {
  const byId = new Map<string, ScenarioTemplate>();
  for (const template of library) if (!byId.has(template.id)) byId.set(template.id, template);

  if (options.ids && options.ids.length > 0) {
    return [...new Set(options.ids)].map((id) => {
      const template = byId.get(id);
      if (!template) throw new UnknownScenarioError(id);
      return template;
    });
  }

  const count = options.count ?? DEFAULT_SCENARIO_COUNT;
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  return sampleAcrossCategories([...byId.values()], Math.min(count, byId.size), new SeededRandom(options.seed).fork('select-scenarios'));
}

/**
 * Round robin over the categories in a seeded order, each category's templates in their own
 * seeded order. Each category draws from its own fork, so adding a template to one category
 * leaves the order within every other category as it was.
 */
function sampleAcrossCategories(templates: ScenarioTemplate[], count: number, rng: SeededRandom): ScenarioTemplate[] {
  const groups = new Map<ScenarioCategory, ScenarioTemplate[]>();
  for (const template of [...templates].sort((a, b) => compare(a.id, b.id))) {
    const group = groups.get(template.category) ?? [];
    group.push(template);
    groups.set(template.category, group);
  }
  const queues = rng
    .fork('categories')
    .shuffle([...groups.keys()].sort(compare))
    .map((category) => rng.fork(`category:${category}`).shuffle(groups.get(category)!));

  const picked: ScenarioTemplate[] = [];
  for (let round = 0; picked.length < count; round++) {
    for (const queue of queues) {
      if (picked.length === count) break;
      if (round < queue.length) picked.push(queue[round]!);
    }
  }
  return picked;
}

// Code-unit order, not localeCompare: the sample must not depend on the machine's ICU data.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
