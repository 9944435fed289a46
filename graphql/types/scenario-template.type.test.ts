import { SCENARIO_CATEGORIES, SCENARIO_EVENT_KINDS, parseScenarioTemplate } from '../../src/kernel/simulation/scenarios/scenario-template.schema';
import { ScenarioCategory, ScenarioEventKind, scenarioTemplateDocument, scenarioTemplateType, type ScenarioTemplateInput } from './scenario-template.type';

describe('ScenarioTemplate GraphQL types', () => {
  it('When the kernel’s closed sets are listed, Then every value has exactly one GraphQL enum value', () => {
    expect(Object.values(ScenarioCategory).sort()).toEqual([...SCENARIO_CATEGORIES].sort());
    expect(Object.values(ScenarioEventKind).sort()).toEqual([...SCENARIO_EVENT_KINDS].sort());
  });

  it('Given a typed input with nulls for left-out parts, When it becomes the kernel document, Then the schema parses it with its defaults', () => {
    const input = {
      id: 'picnic',
      title: 'Picnic',
      category: 'custom',
      setting: ['a park'],
      premise: '{{self}} and {{partner}} have a picnic.',
      stressorIntensity: { min: 1, max: 2 },
      stakes: ['a nice day'],
      privateGoals: { self: ['relax'], partner: ['talk about the trip'] },
      events: null,
      openingLine: null,
      maxTurns: null,
      languageHints: undefined,
    } as unknown as ScenarioTemplateInput;
    const parsed = parseScenarioTemplate(scenarioTemplateDocument(input));
    expect(parsed).toMatchObject({ id: 'picnic', events: [], maxTurns: 12 });
    expect(scenarioTemplateType(parsed)).toMatchObject({ openingLine: null, languageHints: null });
  });
});
