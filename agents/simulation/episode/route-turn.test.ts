import { SCENARIO_LIBRARY } from '../../../seeds/scenarios/library';
import { instantiateScenario } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import { routeTurn } from './route-turn';

const scenario = { ...instantiateScenario(SCENARIO_LIBRARY[0]!, { seed: 's', episodeIndex: 0, selfName: 'Alex', partnerName: 'Mei', maxTurns: 6 }), eventSchedule: [{ turn: 3, kind: 'phone-call' as const, description: 'A call.' }] };
const at = (over: Partial<Parameters<typeof routeTurn>[0]> = {}) => ({
  scenario,
  turn: 0,
  endSignals: { self: false, partner: false },
  staleTurns: 0,
  eventsThrough: 0,
  nextSpeaker: 'self' as const,
  cancelRequested: false,
  ...over,
});
const ok = { overBudget: false };

describe('routeTurn', () => {
  it.each([
    ['the user-proxy opens', at(), ok, 'user-proxy-turn', 'self-speaks'],
    ['the partner answers', at({ turn: 1, nextSpeaker: 'partner' }), ok, 'partner-turn', 'partner-speaks'],
    ['an event is due before turn 3', at({ turn: 2 }), ok, 'inject-event', 'event-due'],
    ['the event was injected', at({ turn: 2, eventsThrough: 3 }), ok, 'user-proxy-turn', 'self-speaks'],
    ['max turns', at({ turn: 6 }), ok, 'score-episode', 'max-turns'],
    ['both said [END]', at({ turn: 4, endSignals: { self: true, partner: true } }), ok, 'score-episode', 'natural-end'],
    ['only one said [END]', at({ turn: 4, endSignals: { self: true, partner: false } }), ok, 'user-proxy-turn', 'self-speaks'],
    ['stale turns', at({ turn: 4, staleTurns: 2 }), ok, 'score-episode', 'stale'],
    ['cancel', at({ turn: 6, cancelRequested: true }), ok, 'stop-episode', 'cancelled'],
    ['budget mid-episode', at({ turn: 2 }), { overBudget: true }, 'stop-episode', 'budget'],
    ['budget when the episode is over anyway', at({ turn: 6 }), { overBudget: true }, 'score-episode', 'max-turns'],
  ])('When %s, Then the router says so', (_name, state, signals, step, why) => {
    expect(routeTurn(state, signals)).toEqual({ step, why });
  });
});
