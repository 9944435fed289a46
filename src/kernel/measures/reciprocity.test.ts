import { prepareConversation, type ConversationMessage } from './conversation';
import { ALL_COUPLES, DRIFTING_COUPLE_EN, DRIFTING_COUPLE_ZH, STONEWALLING_COUPLE_EN, STONEWALLING_COUPLE_ZH, WARM_COUPLE_EN, WARM_COUPLE_ZH } from './fixtures/couples';
import { reciprocityMeasures } from './reciprocity';

const MINUTE = 60_000;

/** [speaker, minute of the day sent (or null), text]; ids t1, t2, … */
function chat(lines: Array<[string, number | null, string]>): ConversationMessage[] {
  const start = Date.parse('2024-01-01T00:00:00Z');
  return lines.map(([speaker, minute, text], i) => ({ id: `t${i + 1}`, speaker, text, sentAt: minute === null ? null : new Date(start + minute * MINUTE) }));
}

const measure = (messages: ConversationMessage[], gapMinutes?: number) => reciprocityMeasures(prepareConversation(messages), { gapMinutes });

describe('reciprocity', () => {
  it('When one side writes more, Then turn and word shares say so and sum to 1', () => {
    const { perSide } = measure(chat([
      ['A', 0, 'so I was thinking about the trip'],
      ['A', 1, 'maybe we go in May'],
      ['B', 2, 'ok'],
      ['A', 3, 'cool'],
    ]));
    expect(perSide[0]).toMatchObject({ messages: 3, words: 13, turnShare: { value: 0.75, n: 4, messageIds: [] } });
    expect(perSide[1]).toMatchObject({ messages: 1, words: 1, turnShare: { value: 0.25, n: 4, messageIds: [] } });
    expect(perSide[0].wordShare.value! + perSide[1].wordShare.value!).toBeCloseTo(1);
    expect(perSide[1].wordShare).toEqual({ value: 1 / 14, n: 4, messageIds: [] });
  });

  it('When a message follows a long silence and gets a reply, Then it is an initiation; a restart nobody answers is not', () => {
    const { perSide } = measure(chat([
      ['A', 0, 'morning!'],
      ['B', 2, 'morning'],
      ['B', 10 * 60, 'home yet?'], // 10 h later, answered → B initiates
      ['A', 10 * 60 + 5, 'almost'],
      ['A', 20 * 60, 'hello?'], // 10 h later, no reply from B within the next messages → not a real restart
      ['A', 20 * 60 + 1, 'you there?'],
      ['A', 20 * 60 + 2, 'ok then'],
      ['A', 20 * 60 + 3, 'night'],
      ['B', 20 * 60 + 4, 'sorry, night!'],
    ]));
    expect(perSide[0].initiations).toEqual({ value: 1, n: 2, messageIds: ['t1'] });
    expect(perSide[1].initiations).toEqual({ value: 1, n: 2, messageIds: ['t3'] });
  });

  it('When the only reply to a restart comes after another long silence, Then that restart does not count', () => {
    const { perSide } = measure(chat([
      ['A', 0, 'hey'],
      ['B', 1, 'hi'],
      ['A', 8 * 60, 'dinner?'],
      ['B', 16 * 60, 'sorry just saw this'],
      ['A', 16 * 60 + 1, 'np'],
    ]));
    expect(perSide[0].initiations.messageIds).toEqual(['t1']);
    expect(perSide[1].initiations.messageIds).toEqual(['t4']);
  });

  it('When messages have no timestamps, Then only the first message can initiate and reply times are null', () => {
    const { perSide, replyTimeAsymmetry } = measure(chat([
      ['A', null, 'hi'],
      ['B', null, 'hey'],
      ['A', null, 'how are you'],
    ]));
    expect(perSide[0].initiations).toEqual({ value: 1, n: 1, messageIds: ['t1'] });
    expect(perSide[1].medianReplySeconds).toEqual({ value: null, n: 0, messageIds: [] });
    expect(replyTimeAsymmetry).toEqual({ value: null, n: 0, messageIds: [] });
  });

  it('When a side replies, Then the median counts only speaker changes and leaves out replies slower than the gap', () => {
    const { perSide, replyTimeAsymmetry } = measure(chat([
      ['A', 0, 'q1'],
      ['B', 1, 'a1'], // B: 60 s
      ['B', 30, 'more'], // same speaker: not a reply
      ['A', 40, 'q2'], // A: 600 s
      ['B', 43, 'a2'], // B: 180 s
      ['A', 45, 'q3'], // A: 120 s
      ['B', 50, 'a3'], // B: 300 s
      ['A', 50 + 7 * 60, 'q4'], // 7 h: a restart, not a reply
      ['B', 50 + 7 * 60 + 4, 'a4'], // B: 240 s
    ]));
    expect(perSide[1].medianReplySeconds).toEqual({ value: 210, n: 4, messageIds: [] });
    expect(perSide[0].medianReplySeconds).toEqual({ value: 360, n: 2, messageIds: [] });
    expect(replyTimeAsymmetry).toEqual({ value: 360 / 210, n: 6, messageIds: [] });
    expect(measure(chat([['A', 0, 'q'], ['B', 1, 'a'], ['A', 2, 'b']]), 1).perSide[1].medianReplySeconds.n).toBe(0);
  });

  it('When a side has no measurable reply or replies in the same second, Then the asymmetry is null', () => {
    expect(measure(chat([['A', 0, 'hi'], ['B', 1, 'hey']])).replyTimeAsymmetry.value).toBeNull();
    expect(measure(chat([['A', 0, 'hi'], ['B', 0, 'hey'], ['A', 1, 'sup']])).replyTimeAsymmetry.value).toBeNull();
  });

  it('When one side stonewalls, Then it replies far slower, writes far less, and the asymmetry is large', () => {
    for (const messages of [STONEWALLING_COUPLE_EN, STONEWALLING_COUPLE_ZH]) {
      const { perSide, replyTimeAsymmetry } = measure(messages);
      const [reaching, withdrawn] = perSide;
      expect(withdrawn.medianReplySeconds.value!).toBeGreaterThanOrEqual(30 * 60);
      expect(reaching.medianReplySeconds.value!).toBeLessThanOrEqual(5 * 60);
      expect(replyTimeAsymmetry.value!).toBeGreaterThan(10);
      expect(withdrawn.wordShare.value!).toBeLessThan(0.25);
    }
  });

  it('When a couple is warm, Then turns, words and reply times are balanced', () => {
    for (const messages of [WARM_COUPLE_EN, WARM_COUPLE_ZH]) {
      const { perSide, replyTimeAsymmetry } = measure(messages);
      expect(Math.abs(perSide[0].turnShare.value! - 0.5)).toBeLessThan(0.1);
      expect(Math.abs(perSide[0].wordShare.value! - 0.5)).toBeLessThan(0.1);
      expect(perSide.every((s) => s.medianReplySeconds.value! <= 3 * 60)).toBe(true);
      expect(replyTimeAsymmetry.value!).toBeLessThanOrEqual(1.5);
    }
  });

  it('When a couple drifts apart, Then both reply much slower in the late months than in the early months', () => {
    for (const messages of [DRIFTING_COUPLE_EN, DRIFTING_COUPLE_ZH]) {
      const start = messages[0].sentAt!.getTime();
      const months = (from: number, to: number) => messages.filter((m) => m.sentAt!.getTime() - start >= from * 30 * 86_400_000 && m.sentAt!.getTime() - start < to * 30 * 86_400_000);
      const early = measure(months(0, 2)).perSide;
      const late = measure(months(3, 7)).perSide;
      for (const side of [0, 1] as const) {
        expect(early[side].medianReplySeconds.value!).toBeLessThanOrEqual(5 * 60);
        expect(late[side].medianReplySeconds.value!).toBeGreaterThan(10 * early[side].medianReplySeconds.value!);
      }
      // Over the whole span each month's first message restarts the conversation.
      const { perSide } = measure(messages);
      expect(perSide[0].initiations.value! + perSide[1].initiations.value!).toBeGreaterThanOrEqual(6);
    }
  });

  it('When any couple is measured, Then the cited initiations are that side’s messages, in order', () => {
    for (const messages of Object.values(ALL_COUPLES)) {
      const conv = prepareConversation(messages);
      const { perSide, replyTimeAsymmetry } = reciprocityMeasures(conv);
      perSide.forEach((side, s) => {
        const own = conv.messages.filter((m) => m.side === s).map((m) => m.id);
        const ids = side.initiations.messageIds;
        expect(ids.every((id) => own.includes(id))).toBe(true);
        expect([...ids].sort((x, y) => own.indexOf(x) - own.indexOf(y))).toEqual(ids);
        expect(side.messages).toBe(own.length);
      });
      expect(perSide[0].initiations.messageIds[0]).toBe('t1');
      expect(replyTimeAsymmetry.n).toBe(perSide[0].medianReplySeconds.n + perSide[1].medianReplySeconds.n);
    }
  });
});
