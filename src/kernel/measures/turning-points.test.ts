import type { Measure } from './conversation';
import type { ConversationMeasures, SpeakerMeasures } from './conversation-measures';
import type { PeriodMeasures } from './measure-periods';
import { findTurningPoints } from './turning-points';

const none = (): Measure => ({ value: 0, n: 0, messageIds: [] });
const ids = (...messageIds: string[]): Measure => ({ value: messageIds.length, n: messageIds.length, messageIds });

function speaker(name: string, cited: Partial<{ toward: string[]; away: string[]; against: string[]; contempt: string[]; repair: string[] }> = {}): SpeakerMeasures {
  return {
    speaker: name,
    questions: { questionRate: none(), followUpQuestions: none(), questionsAnswered: none() },
    bids: { bidsMade: none(), turnedToward: ids(...(cited.toward ?? [])), turnedAway: ids(...(cited.away ?? [])), turnedAgainst: ids(...(cited.against ?? [])), responsiveness: none() },
    reciprocity: { messages: 0, words: 0, turnShare: none(), wordShare: none(), initiations: none(), medianReplySeconds: none() },
    sentiment: { meanSentiment: none(), positiveMessages: none(), negativeMessages: none() },
    gottman: { criticism: none(), contempt: ids(...(cited.contempt ?? [])), defensiveness: none(), stonewalling: none(), repairAttempts: ids(...(cited.repair ?? [])) },
    warmth: { gratitude: none(), apology: none(), agreement: none(), disagreement: none(), laughter: none(), selfDisclosure: none(), affection: none(), weTalk: none() },
  };
}

interface Month {
  period: string;
  messages?: number;
  rapport?: number | null;
  lsm?: number | null;
  responsiveness?: number | null;
  positive?: string[];
  negative?: string[];
  a?: Parameters<typeof speaker>[1];
  b?: Parameters<typeof speaker>[1];
  windows?: { first: string; last: string; value: number }[];
}

function month(m: Month): PeriodMeasures {
  const measures: ConversationMeasures = {
    speakers: ['Alex', 'Mei'],
    messages: m.messages ?? 40,
    ignored: 0,
    languages: { chinese: 0, english: 40, mixed: 0 },
    perSpeaker: [speaker('Alex', m.a), speaker('Mei', m.b)],
    pair: {
      lsm: {
        overall: { value: m.lsm ?? null, n: 40, messageIds: [] },
        categories: [],
        windows: (m.windows ?? []).map((w, i) => ({ fromIndex: i * 20, toIndex: i * 20 + 19, firstMessageId: w.first, lastMessageId: w.last, value: w.value })),
      },
      positiveToNegativeRatio: none(),
      positiveInteractions: ids(...(m.positive ?? [])),
      negativeInteractions: ids(...(m.negative ?? [])),
      replyTimeAsymmetry: none(),
      responsiveness: { value: m.responsiveness ?? null, n: 10, messageIds: [] },
      rapport: { value: m.rapport ?? null, components: [] },
    },
  };
  return { period: m.period, from: new Date(`${m.period}-01T00:00:00Z`), to: new Date(`${m.period}-28T00:00:00Z`), measures };
}

describe('findTurningPoints', () => {
  it('When responsiveness falls sharply after steady months, Then one DOWN turn is found in that month citing its turned-away replies first', () => {
    const periods = [
      month({ period: '2026-01', responsiveness: 0.82 }),
      month({ period: '2026-02', responsiveness: 0.85 }),
      month({ period: '2026-03', responsiveness: 0.8 }),
      month({ period: '2026-04', responsiveness: 0.3, negative: ['m9', 'm7'], b: { away: ['m7', 'm8'], against: ['m6'] } }),
      month({ period: '2026-05', responsiveness: 0.28 }),
    ];
    const turns = findTurningPoints(periods);
    expect(turns).toEqual([
      {
        period: '2026-04',
        measure: 'responsiveness',
        direction: 'DOWN',
        before: 0.823,
        after: 0.3,
        change: -0.523,
        threshold: 0.1,
        baselinePeriods: ['2026-01', '2026-02', '2026-03'],
        // m7 is both turned away and negative, so it leads; then the lists in order.
        messageIds: ['m7', 'm6', 'm8', 'm9'],
      },
    ]);
  });

  it('When positions are given, Then the citations are in conversation order and capped', () => {
    const periods = [
      month({ period: '2026-01', rapport: 80 }),
      month({ period: '2026-02', rapport: 40, negative: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'] }),
    ];
    const position = new Map(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'].map((id, i) => [id, 100 - i]));
    const [turn] = findTurningPoints(periods, { position });
    expect(turn).toMatchObject({ measure: 'rapport', direction: 'DOWN', before: 80, after: 40, change: -40 });
    expect(turn!.messageIds).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
  });

  it('When a measure only wobbles, Then no turn is found (the 0.1 floor)', () => {
    const periods = ['01', '02', '03', '04'].map((mm, i) => month({ period: `2026-${mm}`, lsm: 0.8 + (i % 2) * 0.06 }));
    expect(findTurningPoints(periods)).toEqual([]);
  });

  it('When a relationship swings every month, Then the threshold rises with the typical change and only an outsized move counts', () => {
    const values = [0.2, 0.5, 0.2, 0.5, 0.2, 0.5];
    expect(findTurningPoints(values.map((v, i) => month({ period: `2026-0${i + 1}`, responsiveness: v })))).toEqual([]);
  });

  it('When a month has too few messages, Then it is skipped rather than called a turn', () => {
    const periods = [
      month({ period: '2026-01', responsiveness: 0.8 }),
      month({ period: '2026-02', responsiveness: 0.1, messages: 4 }),
      month({ period: '2026-03', responsiveness: 0.82 }),
    ];
    expect(findTurningPoints(periods)).toEqual([]);
  });

  it('When a drop lasts, Then it is one turn; a later recovery is an UP turn', () => {
    const periods = [
      month({ period: '2026-01', positive: ids9('p', 9), negative: ['x'] }),
      month({ period: '2026-02', positive: ids9('q', 9), negative: ['y'] }),
      month({ period: '2026-03', positive: ['r1'], negative: ids9('n', 4) }),
      month({ period: '2026-04', positive: ['s1'], negative: ids9('o', 4) }),
      month({ period: '2026-05', positive: ['t1'], negative: ids9('u', 4) }),
      month({ period: '2026-06', positive: ['v1'], negative: ids9('w', 4) }),
      month({ period: '2026-07', positive: ids9('z', 9), negative: ['zz'], a: { repair: ['z1'] } }),
    ];
    const turns = findTurningPoints(periods).map((t) => [t.period, t.measure, t.direction, t.messageIds[0]]);
    expect(turns).toEqual([
      ['2026-03', 'positiveShare', 'DOWN', 'n1'],
      ['2026-07', 'positiveShare', 'UP', 'z1'],
    ]);
  });

  it('When LSM drops, Then the edges of the month’s least matched window are cited', () => {
    const periods = [
      month({ period: '2026-01', lsm: 0.85 }),
      month({ period: '2026-02', lsm: 0.55, windows: [{ first: 'a', last: 'b', value: 0.7 }, { first: 'c', last: 'd', value: 0.4 }] }),
    ];
    expect(findTurningPoints(periods)).toEqual([expect.objectContaining({ measure: 'lsm', direction: 'DOWN', messageIds: ['c', 'd'] })]);
  });

  it('When there is one month or none, Then there is no turn', () => {
    expect(findTurningPoints([])).toEqual([]);
    expect(findTurningPoints([month({ period: '2026-01', rapport: 70 })])).toEqual([]);
  });
});

function ids9(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}
