import {
  ALL_COUPLES,
  DRIFTING_COUPLE_EN,
  DRIFTING_COUPLE_ZH,
  HOSTILE_COUPLE_EN,
  HOSTILE_COUPLE_ZH,
  STONEWALLING_COUPLE_EN,
  STONEWALLING_COUPLE_ZH,
  WARM_COUPLE_EN,
  WARM_COUPLE_ZH,
} from './fixtures/couples';
import type { Measure } from './conversation';
import type { ConversationMeasures } from './conversation-measures';
import { measureConversation } from './measure-conversation';
import { measureByMonth } from './measure-periods';

/** Every Measure object anywhere in the result, with its path. */
function allMeasures(value: unknown, path = ''): [string, Measure][] {
  if (value === null || typeof value !== 'object') return [];
  if ('messageIds' in value && 'n' in value && 'value' in value) return [[path, value as Measure]];
  return Object.entries(value).flatMap(([key, v]) => allMeasures(v, `${path}.${key}`));
}

const sum = (m: ConversationMeasures, pick: (s: ConversationMeasures['perSpeaker'][number]) => Measure) =>
  m.perSpeaker.reduce((total, s) => total + (pick(s).value ?? 0), 0);

describe('measureConversation', () => {
  it.each(Object.entries(ALL_COUPLES))('When %s is measured, Then every cited id is a message of the transcript, each cited once per measure', (_, chat) => {
    const ids = new Set(chat.map((m) => m.id));
    const measures = measureConversation(chat);
    const found = allMeasures(measures);
    expect(found.length).toBeGreaterThan(40);
    for (const [path, measure] of found) {
      for (const id of measure.messageIds) expect({ path, id, known: ids.has(id) }).toEqual({ path, id, known: true });
      expect(new Set(measure.messageIds).size).toBe(measure.messageIds.length);
    }
  });

  it.each([
    ['English', WARM_COUPLE_EN, HOSTILE_COUPLE_EN],
    ['Chinese', WARM_COUPLE_ZH, HOSTILE_COUPLE_ZH],
  ])('When a warm and a hostile %s couple are compared, Then the warm one has more rapport, warmth and responsiveness and fewer horsemen', (_, warmChat, hostileChat) => {
    const warm = measureConversation(warmChat);
    const hostile = measureConversation(hostileChat);
    expect(warm.pair.rapport.value!).toBeGreaterThan(hostile.pair.rapport.value!);
    expect(warm.pair.responsiveness.value!).toBeGreaterThan(hostile.pair.responsiveness.value!);
    expect(warm.pair.positiveToNegativeRatio.value ?? Infinity).toBeGreaterThan(hostile.pair.positiveToNegativeRatio.value!);
    const horsemen = (m: ConversationMeasures) =>
      sum(m, (s) => s.gottman.criticism) + sum(m, (s) => s.gottman.contempt) + sum(m, (s) => s.gottman.defensiveness);
    expect(horsemen(hostile)).toBeGreaterThan(horsemen(warm));
    expect(sum(warm, (s) => s.warmth.laughter) + sum(warm, (s) => s.warmth.affection)).toBeGreaterThan(
      sum(hostile, (s) => s.warmth.laughter) + sum(hostile, (s) => s.warmth.affection),
    );
    expect(sum(warm, (s) => s.sentiment.meanSentiment)).toBeGreaterThan(sum(hostile, (s) => s.sentiment.meanSentiment));
  });

  it.each([
    ['English', STONEWALLING_COUPLE_EN],
    ['Chinese', STONEWALLING_COUPLE_ZH],
  ])('When one side of a %s couple withdraws, Then stonewalling is found and the rapport sits below a warm couple', (_, chat) => {
    const measures = measureConversation(chat);
    expect(sum(measures, (s) => s.gottman.stonewalling)).toBeGreaterThan(0);
    expect(measures.pair.rapport.value!).toBeLessThan(measureConversation(WARM_COUPLE_EN).pair.rapport.value!);
  });

  it.each([
    ['English', DRIFTING_COUPLE_EN],
    ['Chinese', DRIFTING_COUPLE_ZH],
  ])('When a %s couple drifts apart over months, Then the last month has less rapport than the first', (_, chat) => {
    const overall = measureConversation(chat);
    const months = measureByMonth(chat, overall.speakers);
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(months.map((m) => m.period)).toEqual([...months.map((m) => m.period)].sort());
    const first = months[0].measures;
    const last = months.at(-1)!.measures;
    expect(last.pair.rapport.value!).toBeLessThan(first.pair.rapport.value!);
    expect(months.reduce((n, m) => n + m.measures.messages, 0)).toBe(overall.messages);
  });

  it('When a third speaker or empty lines appear, Then they are left out and counted as ignored', () => {
    const measures = measureConversation([
      { id: 'a', speaker: 'Narrator', text: 'They meet at a café.' },
      { id: 'b', speaker: 'Ann', text: 'Hi! How are you?' },
      { id: 'c', speaker: 'Bo', text: '  ' },
      { id: 'd', speaker: 'Bo', text: 'Good, thanks! You?' },
    ], { speakers: ['Ann', 'Bo'] });
    expect(measures.speakers).toEqual(['Ann', 'Bo']);
    expect(measures.messages).toBe(2);
    expect(measures.ignored).toBe(2);
  });

  it('When the transcript is empty or one-sided, Then pair measures are null rather than invented', () => {
    const empty = measureConversation([]);
    expect(empty.messages).toBe(0);
    expect(empty.pair.rapport.value).toBeNull();
    expect(empty.pair.lsm.overall.value).toBeNull();
    const monologue = measureConversation([{ id: 'x', speaker: 'Ann', text: 'Anyone there?' }]);
    expect(monologue.speakers).toEqual(['Ann', '']);
    expect(monologue.pair.lsm.overall.value).toBeNull();
    expect(monologue.pair.responsiveness.value).toBeNull();
  });

  it('When the same messages are measured twice, Then the results are identical (pure)', () => {
    expect(JSON.stringify(measureConversation(WARM_COUPLE_ZH))).toBe(JSON.stringify(measureConversation(WARM_COUPLE_ZH)));
  });
});
