import { SCENARIO_LIBRARY } from '../../../../seeds/scenarios/library';
import { SCENARIO_CATEGORIES, scenarioTemplateSchema } from './scenario-template.schema';

describe('Seeded scenario library', () => {
  it.each(SCENARIO_LIBRARY.map((t) => [t.id, t] as const))('When %s is parsed, Then it passes the schema unchanged', (_id, template) => {
    const result = scenarioTemplateSchema.safeParse(template);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(result.data).toEqual(template);
  });

  it('When the library is listed, Then it has at least 14 templates with unique ids', () => {
    expect(SCENARIO_LIBRARY.length).toBeGreaterThanOrEqual(14);
    const ids = SCENARIO_LIBRARY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('When categories are counted, Then every category of the brief is covered', () => {
    const covered = new Set(SCENARIO_LIBRARY.map((t) => t.category));
    expect(covered.size).toBeGreaterThanOrEqual(12);
    for (const category of SCENARIO_CATEGORIES.filter((c) => c !== 'custom')) expect(covered).toContain(category);
  });

  it.each(SCENARIO_LIBRARY.map((t) => [t.id, t] as const))(
    'When %s is read, Then it names both sides, varies its parameters and has 3–5 events of more than one kind',
    (_id, template) => {
      expect(template.premise).toContain('{{self}}');
      expect(template.premise).toContain('{{partner}}');
      expect(template.setting.length).toBeGreaterThanOrEqual(2);
      expect(template.stakes.length).toBeGreaterThanOrEqual(2);
      expect(template.privateGoals.self.length).toBeGreaterThanOrEqual(2);
      expect(template.privateGoals.partner.length).toBeGreaterThanOrEqual(2);
      expect(template.events.length).toBeGreaterThanOrEqual(3);
      expect(template.events.length).toBeLessThanOrEqual(5);
      expect(new Set(template.events.map((e) => e.kind)).size).toBeGreaterThan(1);
    },
  );
});
