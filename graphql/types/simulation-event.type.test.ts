import { simulationEventType } from './simulation-event.type';

const at = '2026-12-01T00:00:00.000Z';

describe('simulationEventType', () => {
  it('Given a narrator line that matched no scheduled event, When it is mapped, Then eventInjected.kind is null and no other detail is set', () => {
    const event = simulationEventType({ seq: 7, type: 'EVENT_INJECTED', at, payload: { episodeId: 'r:s:0', turn: 3, kind: 'event', text: 'The phone rings.', messageId: 'm1' } });
    expect(event).toMatchObject({ seq: 7, type: 'EVENT_INJECTED', eventInjected: { episodeId: 'r:s:0', turn: 3, kind: null, text: 'The phone rings.', messageId: 'm1' } });
    expect([event.started, event.episodeStarted, event.turn, event.episodeScored, event.ended]).toEqual([null, null, null, null, null]);
  });

  it('When a run fails or is cancelled before anything ran, Then ended carries the status, the message and partial false', () => {
    expect(simulationEventType({ seq: 2, type: 'FAILED', at, payload: { status: 'FAILED', message: 'The simulation failed; try again later' } }).ended).toEqual({
      status: 'FAILED',
      partial: false,
      episodes: null,
      message: 'The simulation failed; try again later',
    });
    expect(simulationEventType({ seq: 1, type: 'CANCELLED', at, payload: { status: 'CANCELLED' } }).ended).toEqual({ status: 'CANCELLED', partial: false, episodes: null, message: null });
  });

  it('Given an episode scored before the measures existed, When it is mapped, Then measures is null', () => {
    const score = { episodeId: 'e', scenarioId: 's', scenarioTitle: 'S', episodeIndex: 0, seed: 'x', dimensions: [], horsemen: { criticism: 0, contempt: 0, defensiveness: 0, stonewalling: 0 }, positiveToNegativeRatio: null, criticalMoments: [], turns: 4, endedBy: 'natural', tokens: 10, costUsd: 0 };
    expect(simulationEventType({ seq: 5, type: 'EPISODE_SCORED', at, payload: { score } }).episodeScored).toMatchObject({ episodeId: 'e', endedBy: 'natural', measures: null });
  });
});
