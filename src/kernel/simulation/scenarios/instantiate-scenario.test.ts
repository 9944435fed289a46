import { SCENARIO_LIBRARY } from '../../../../seeds/scenarios/library';
import { instantiateScenario, MAX_EVENTS_PER_EPISODE, type InstantiateOptions } from './instantiate-scenario';
import { parseScenarioTemplate, type ScenarioTemplate } from './scenario-template.schema';

const options = (overrides: Partial<InstantiateOptions> = {}): InstantiateOptions => ({
  seed: 'sim-42',
  episodeIndex: 0,
  selfName: 'Lin',
  partnerName: 'Alex',
  ...overrides,
});

const template = (intensity: number): ScenarioTemplate =>
  parseScenarioTemplate({
    id: `weekend-${intensity}`,
    title: 'Weekend plans for {{self}}',
    category: 'custom',
    setting: ['at home', 'in the park', 'at a café', 'on the phone'],
    premise: '{{self}} wants to go out; {{partner}} wants to stay in.',
    stressorIntensity: { min: intensity, max: intensity },
    stakes: ['the weekend', 'the month', 'the mood'],
    privateGoals: { self: ['Go out with {{partner}}.', 'Pick the place.'], partner: ['Stay in.', 'Rest before Monday.'] },
    events: [
      { kind: 'phone-call', description: '{{partner}}’s friend calls.', weight: 1 },
      { kind: 'news', description: 'It starts to rain.', weight: 1 },
      { kind: 'late-reply', description: '{{self}} waits for an answer.', weight: 1 },
      { kind: 'time-skip', description: 'An hour later.', weight: 1 },
    ],
    openingLine: { speaker: 'partner', text: 'Hey {{self}}, I’m beat.' },
    maxTurns: 12,
  });

describe('Scenario instantiation', () => {
  it('When called twice with the same inputs, Then the instances are deep-equal', () => {
    for (const t of SCENARIO_LIBRARY) expect(instantiateScenario(t, options())).toEqual(instantiateScenario(t, options()));
  });

  it('When the episode index changes, Then the parameters usually change', () => {
    const t = SCENARIO_LIBRARY.find((x) => x.id === 'jealousy-message-from-an-ex')!;
    const variants = new Set(
      Array.from({ length: 10 }, (_, episodeIndex) => {
        const { seed: _seed, ...parameters } = instantiateScenario(t, options({ episodeIndex }));
        return JSON.stringify(parameters);
      }),
    );
    expect(variants.size).toBeGreaterThanOrEqual(8);
  });

  it('When instantiated, Then the seed names the simulation seed, template and episode', () => {
    expect(instantiateScenario(template(3), options({ episodeIndex: 4 })).seed).toBe('sim-42:weekend-3:4');
  });

  it('When names are given, Then every placeholder is filled and no braces remain', () => {
    for (const t of SCENARIO_LIBRARY) {
      for (let episodeIndex = 0; episodeIndex < 5; episodeIndex++) {
        const instance = instantiateScenario(t, options({ episodeIndex }));
        expect(JSON.stringify(instance)).not.toMatch(/\{\{|\}\}/);
      }
    }
    const instance = instantiateScenario(template(3), options());
    expect(instance.title).toBe('Weekend plans for Lin');
    expect(instance.premise).toBe('Lin wants to go out; Alex wants to stay in.');
    expect(instance.openingLine).toEqual({ speaker: 'partner', text: 'Hey Lin, I’m beat.' });
  });

  it('When a name itself looks like a placeholder or a replacement pattern, Then it is inserted literally', () => {
    const instance = instantiateScenario(template(3), options({ selfName: '{{partner}}', partnerName: '$& $1' }));
    expect(instance.premise).toBe('{{partner}} wants to go out; $& $1 wants to stay in.');
  });

  it('When instantiated, Then every parameter is one of the template’s alternatives', () => {
    const t = template(3);
    const instance = instantiateScenario(t, options());
    expect(t.setting).toContain(instance.setting);
    expect(t.stakes).toContain(instance.stakes);
    expect(['Go out with Alex.', 'Pick the place.']).toContain(instance.privateGoals.self);
    expect(t.privateGoals.partner).toContain(instance.privateGoals.partner);
  });

  it('When the intensity range is wide, Then the drawn intensity is an integer inside it and several values occur', () => {
    const t = SCENARIO_LIBRARY.find((x) => x.id === 'jealousy-message-from-an-ex')!;
    const seen = new Set<number>();
    for (let episodeIndex = 0; episodeIndex < 60; episodeIndex++) {
      const { stressorIntensity } = instantiateScenario(t, options({ episodeIndex }));
      expect(Number.isInteger(stressorIntensity)).toBe(true);
      expect(stressorIntensity).toBeGreaterThanOrEqual(t.stressorIntensity.min);
      expect(stressorIntensity).toBeLessThanOrEqual(t.stressorIntensity.max);
      seen.add(stressorIntensity);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it('When events are scheduled, Then there are at most three, on distinct sorted turns after the opening and before the last turn', () => {
    for (const intensity of [1, 3, 5]) {
      for (let episodeIndex = 0; episodeIndex < 100; episodeIndex++) {
        const instance = instantiateScenario(template(intensity), options({ episodeIndex }));
        const turns = instance.eventSchedule.map((e) => e.turn);
        expect(turns.length).toBeLessThanOrEqual(MAX_EVENTS_PER_EPISODE);
        expect(turns).toEqual([...new Set(turns)].sort((a, b) => a - b));
        for (const turn of turns) {
          expect(turn).toBeGreaterThanOrEqual(2);
          expect(turn).toBeLessThan(instance.maxTurns);
        }
      }
    }
  });

  it('When the intensity is higher, Then events are more frequent', () => {
    const meanEvents = (intensity: number) => {
      let total = 0;
      for (let episodeIndex = 0; episodeIndex < 200; episodeIndex++) {
        total += instantiateScenario(template(intensity), options({ episodeIndex })).eventSchedule.length;
      }
      return total / 200;
    };
    const low = meanEvents(1);
    const mid = meanEvents(3);
    const high = meanEvents(5);
    expect(low).toBeLessThan(mid);
    expect(mid).toBeLessThan(high);
    expect(high).toBeGreaterThan(1.5);
    expect(low).toBeLessThan(1);
  });

  it('When several events are drawn, Then they keep the template’s order and never repeat', () => {
    const order = ['phone-call', 'news', 'late-reply', 'time-skip'];
    for (let episodeIndex = 0; episodeIndex < 100; episodeIndex++) {
      const kinds = instantiateScenario(template(5), options({ episodeIndex })).eventSchedule.map((e) => e.kind);
      expect(kinds).toEqual([...new Set(kinds)].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    }
  });

  it('When the run caps turns below the template, Then the instance takes the cap and schedules no event beyond it', () => {
    for (let episodeIndex = 0; episodeIndex < 50; episodeIndex++) {
      const instance = instantiateScenario(template(5), options({ episodeIndex, maxTurns: 4 }));
      expect(instance.maxTurns).toBe(4);
      for (const e of instance.eventSchedule) expect(e.turn).toBeLessThan(4);
    }
    expect(instantiateScenario(template(5), options({ maxTurns: 2 })).eventSchedule).toEqual([]);
    expect(instantiateScenario(template(5), options({ maxTurns: 99 })).maxTurns).toBe(12);
  });

  it('When a template has no events, Then the schedule is empty', () => {
    expect(instantiateScenario({ ...template(5), events: [] }, options()).eventSchedule).toEqual([]);
  });

  it('When the episode index or a name is invalid, Then it throws', () => {
    expect(() => instantiateScenario(template(1), options({ episodeIndex: -1 }))).toThrow(RangeError);
    expect(() => instantiateScenario(template(1), options({ episodeIndex: 1.5 }))).toThrow(RangeError);
    expect(() => instantiateScenario(template(1), options({ selfName: '  ' }))).toThrow(RangeError);
    expect(() => instantiateScenario(template(1), options({ maxTurns: 0 }))).toThrow(RangeError);
  });
});
