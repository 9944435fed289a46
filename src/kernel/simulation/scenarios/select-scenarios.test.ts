import { SCENARIO_LIBRARY } from '../../../../seeds/scenarios/library';
import type { ScenarioTemplate } from './scenario-template.schema';
import { DEFAULT_SCENARIO_COUNT, selectScenarios, UnknownScenarioError } from './select-scenarios';

const ids = (templates: ScenarioTemplate[]) => templates.map((t) => t.id);

describe('Scenario selection', () => {
  it('When ids are given, Then exactly those templates come back in that order, repeats dropped', () => {
    const picked = selectScenarios(SCENARIO_LIBRARY, {
      seed: 's',
      count: 1,
      ids: ['crisis-parent-in-hospital', 'first-date-after-texting', 'crisis-parent-in-hospital'],
    });
    expect(ids(picked)).toEqual(['crisis-parent-in-hospital', 'first-date-after-texting']);
  });

  it('When an id is unknown, Then UnknownScenarioError names it with a NOT_FOUND code', () => {
    let error: unknown;
    try {
      selectScenarios(SCENARIO_LIBRARY, { seed: 's', ids: ['first-date-after-texting', 'zombie-apocalypse'] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UnknownScenarioError);
    expect((error as UnknownScenarioError).scenarioId).toBe('zombie-apocalypse');
    expect((error as UnknownScenarioError).code).toBe('NOT_FOUND');
  });

  it('When ids is empty, Then a sample is drawn instead', () => {
    expect(selectScenarios(SCENARIO_LIBRARY, { seed: 's', count: 2, ids: [] })).toHaveLength(2);
  });

  it('When only a seed is given, Then the default count is sampled', () => {
    expect(selectScenarios(SCENARIO_LIBRARY, { seed: 's' })).toHaveLength(DEFAULT_SCENARIO_COUNT);
  });

  it('When the same seed is used twice, Then the sample is the same; different seeds give different samples', () => {
    const a = ids(selectScenarios(SCENARIO_LIBRARY, { seed: 'alpha', count: 5 }));
    expect(ids(selectScenarios(SCENARIO_LIBRARY, { seed: 'alpha', count: 5 }))).toEqual(a);
    const others = ['beta', 'gamma', 'delta', 'epsilon'].map((seed) => ids(selectScenarios(SCENARIO_LIBRARY, { seed, count: 5 })).join());
    expect(others.some((o) => o !== a.join())).toBe(true);
  });

  it('When the library is reordered, Then the seeded sample does not change', () => {
    const forward = ids(selectScenarios(SCENARIO_LIBRARY, { seed: 'order', count: 6 }));
    const backward = ids(selectScenarios([...SCENARIO_LIBRARY].reverse(), { seed: 'order', count: 6 }));
    expect(backward).toEqual(forward);
  });

  it('When the count is at most the number of categories, Then every pick has a distinct category', () => {
    const categories = new Set(SCENARIO_LIBRARY.map((t) => t.category)).size;
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const picked = selectScenarios(SCENARIO_LIBRARY, { seed, count: categories });
      expect(new Set(picked.map((t) => t.category)).size).toBe(categories);
    }
  });

  it('When the count exceeds the categories, Then categories repeat only after all are used, and no template repeats', () => {
    const categories = new Set(SCENARIO_LIBRARY.map((t) => t.category)).size;
    const picked = selectScenarios(SCENARIO_LIBRARY, { seed: 'more', count: categories + 2 });
    expect(new Set(picked.slice(0, categories).map((t) => t.category)).size).toBe(categories);
    expect(new Set(ids(picked)).size).toBe(picked.length);
  });

  it('When the count exceeds the library, Then every template comes back once', () => {
    const picked = selectScenarios(SCENARIO_LIBRARY, { seed: 'all', count: 1000 });
    expect(ids(picked).sort()).toEqual(ids(SCENARIO_LIBRARY).sort());
  });

  it('When the count is not a positive integer, Then it throws', () => {
    expect(() => selectScenarios(SCENARIO_LIBRARY, { seed: 's', count: 0 })).toThrow(RangeError);
    expect(() => selectScenarios(SCENARIO_LIBRARY, { seed: 's', count: 2.5 })).toThrow(RangeError);
  });

  it('When a template is added to one category, Then the order within other categories is unchanged', () => {
    const extra: ScenarioTemplate = { ...SCENARIO_LIBRARY.find((t) => t.category === 'money')!, id: 'money-extra' };
    const before = selectScenarios(SCENARIO_LIBRARY, { seed: 'stable', count: 1000 });
    const after = selectScenarios([...SCENARIO_LIBRARY, extra], { seed: 'stable', count: 1000 });
    const inCategory = (list: ScenarioTemplate[], category: string) => ids(list.filter((t) => t.category === category));
    expect(inCategory(after, 'future-plans')).toEqual(inCategory(before, 'future-plans'));
    expect(inCategory(after, 'meeting-family')).toEqual(inCategory(before, 'meeting-family'));
  });
});
