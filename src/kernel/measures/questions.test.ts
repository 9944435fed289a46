import { prepareConversation, type ConversationMessage, type PreparedConversation } from './conversation';
import type { QuestionMeasures } from './conversation-measures';
import {
  ALL_COUPLES,
  DRIFTING_COUPLE_EN,
  DRIFTING_COUPLE_ZH,
  HOSTILE_COUPLE_EN,
  HOSTILE_COUPLE_ZH,
  MIXED_LANGUAGE_COUPLE,
  STONEWALLING_COUPLE_EN,
  STONEWALLING_COUPLE_ZH,
  WARM_COUPLE_EN,
  WARM_COUPLE_ZH,
} from './fixtures/couples';
import { isQuestion, questionMeasures } from './questions';

const asks = (text: string): boolean => isQuestion(prepareConversation([{ id: 'x', speaker: 'A', text }]).messages[0]);

/** Lines as "A: text" / "B: text", one minute apart. */
function conv(...lines: string[]): PreparedConversation {
  const start = Date.parse('2024-01-01T10:00:00Z');
  return prepareConversation(
    lines.map((line, i): ConversationMessage => ({ id: `t${i + 1}`, speaker: line.slice(0, 1), text: line.slice(3), sentAt: new Date(start + i * 60_000) })),
  );
}

const measures = (messages: ConversationMessage[]): [QuestionMeasures, QuestionMeasures] => questionMeasures(prepareConversation(messages));
const followUps = (m: [QuestionMeasures, QuestionMeasures]): number => (m[0].followUpQuestions.value ?? 0) + (m[1].followUpQuestions.value ?? 0);
/** Both sides' questions answered, pooled. */
function answeredShare(m: [QuestionMeasures, QuestionMeasures]): number {
  const n = m[0].questionsAnswered.n + m[1].questionsAnswered.n;
  return (m[0].questionsAnswered.messageIds.length + m[1].questionsAnswered.messageIds.length) / n;
}

describe('isQuestion', () => {
  it('When an English message asks, with or without a question mark, Then it is a question', () => {
    for (const text of [
      'Did you eat?',
      'how was your day',
      'what time do we leave',
      'why not',
      'ok so where are you',
      'do you want pizza tonight',
      'is it raining there',
      'can we talk later',
      'you ok',
      'wanna grab dinner',
      'which slide did she like most',
      "you're coming, right",
      'tell me more',
      "what's up",
      'Fine, I will pay it. Happy now? 🙄',
    ]) {
      expect([text, asks(text)]).toEqual([text, true]);
    }
  });

  it('When an English message only looks like one (exclamation, subordinate clause, relative clause), Then it is not', () => {
    for (const text of [
      'What a day!',
      'how nice',
      'When I got home the cat was gone',
      'Did it!',
      'He is moving back to Chicago, which would be amazing',
      'Nagging. Right. Because someone has to be the adult here',
      'I wonder where I left my keys',
      'Will do',
    ]) {
      expect([text, asks(text)]).toEqual([text, false]);
    }
  });

  it('When a Chinese message uses a question particle, wh-word or A-not-A form, Then it is a question', () => {
    for (const text of ['你吃饭了吗', '你呢', '那工作呢', '然后呢', '你在干嘛', '晚上吃什么', '你怎么了', '为啥不去', '你去不去', '好不好嘛', '是不是累了', '有没有想我', '你喜不喜欢', '几点见', '你到家了对吧', '说说看']) {
      expect([text, asks(text)]).toEqual([text, true]);
    }
  });

  it('When Chinese uses 吧 as a suggestion, 呢 as progressive or a wh-word as "any", Then it is not a question', () => {
    for (const text of ['我们走吧', '好吧', '算了吧', '我在吃饭呢', '还没呢', '什么都行', '没什么', '谁也不想去', '随便你怎么想', '不知道为什么', '你动不动就生气', '哪怕一次也好', '我哪有这么说', '水果什么的都买了']) {
      expect([text, asks(text)]).toEqual([text, false]);
    }
  });
});

describe('follow-up questions', () => {
  it('When a question picks up a content word the other just said, Then it is a follow-up', () => {
    const [, b] = questionMeasures(conv('A: I tried the new ramen place downtown', 'B: Was the ramen good?'));
    expect(b.followUpQuestions).toEqual({ value: 1, n: 1, messageIds: ['t2'] });
  });

  it('When a question uses a follow-up form, Then it is a follow-up even without a shared word', () => {
    const [, b] = questionMeasures(conv('A: 我今天被老板骂了', 'B: 啊？为什么呀', 'A: My boss yelled at me', 'B: wait really?'));
    expect(b.followUpQuestions.messageIds).toEqual(['t2', 't4']);
  });

  it("When the other spoke two messages back, Then a question after a remark of one's own can still follow up", () => {
    const [, b] = questionMeasures(conv('A: I got the job at the bakery!!', 'B: OMG', 'B: when do you start at the bakery?'));
    expect(b.followUpQuestions.messageIds).toEqual(['t3']);
  });

  it('When a question switches topic, mirrors ("you?") or only echoes the word as a retort, Then it is not a follow-up', () => {
    const [, b] = questionMeasures(conv('A: Work was long today', 'B: How are you feeling?', 'A: You are so lazy', 'B: lazy?', 'A: 我今天好累', 'B: 你呢？'));
    expect(b.followUpQuestions).toEqual({ value: 0, n: 3, messageIds: [] });
  });

  it('When the question comes after a conversation gap, Then it follows up nothing', () => {
    const late = prepareConversation([
      { id: 'a', speaker: 'A', text: 'The concert was amazing', sentAt: new Date('2024-01-01T20:00:00Z') },
      { id: 'b', speaker: 'B', text: 'what concert?', sentAt: new Date('2024-01-02T09:00:00Z') },
    ]);
    expect(questionMeasures(late)[1].followUpQuestions.value).toBe(0);
  });
});

describe('questions answered', () => {
  it('When the other replies with content, Then the question is answered; a dismissal or a question back is not an answer', () => {
    const [a] = questionMeasures(conv('A: Are you coming tonight?', 'B: yes, at 8', 'A: Where were you?', 'B: whatever', 'A: why are you upset?', 'B: why do you care?', 'A: 你怎么了？', 'B: 不知道'));
    expect(a.questionsAnswered).toEqual({ value: 0.25, n: 4, messageIds: ['t1'] });
  });

  it('When the reply is a bare "ok", Then it answers a yes/no question but not a wh-question', () => {
    const [a] = questionMeasures(conv('A: can you pick me up?', 'B: ok', 'A: what time works?', 'B: ok', 'A: 几点？', 'B: 嗯'));
    expect(a.questionsAnswered.messageIds).toEqual(['t1']);
  });

  it('When two questions in a row get one reply run, Then both are answered, even if the reply starts with a filler', () => {
    const [a] = questionMeasures(conv('A: how was work?', 'A: did you eat?', 'B: hmm', 'B: good, and yes I had noodles'));
    expect(a.questionsAnswered.messageIds).toEqual(['t1', 't2']);
  });

  it('When the other first replies after the conversation went quiet for hours, Then the question was not answered', () => {
    const c = prepareConversation([
      { id: 'q', speaker: 'A', text: 'Can we talk?', sentAt: new Date('2024-01-01T20:00:00Z') },
      { id: 'r', speaker: 'B', text: 'sure, what about', sentAt: new Date('2024-01-02T08:00:00Z') },
    ]);
    expect(questionMeasures(c)[0].questionsAnswered).toEqual({ value: 0, n: 1, messageIds: [] });
    expect(questionMeasures(c, { gapMinutes: 24 * 60 })[0].questionsAnswered.value).toBe(1);
  });

  it('When a side asks nothing, Then its shares are null with n = 0', () => {
    const [, b] = questionMeasures(conv('A: how are you?', 'B: good thanks'));
    expect(b.questionRate).toEqual({ value: 0, n: 1, messageIds: [] });
    expect(b.followUpQuestions).toEqual({ value: null, n: 0, messageIds: [] });
    expect(b.questionsAnswered).toEqual({ value: null, n: 0, messageIds: [] });
  });
});

describe('question measures on the couples', () => {
  it('When a couple is warm, Then they ask more follow-ups and answer more questions than a hostile or stonewalling couple', () => {
    for (const [warm, hostile, stonewalling] of [
      [WARM_COUPLE_EN, HOSTILE_COUPLE_EN, STONEWALLING_COUPLE_EN],
      [WARM_COUPLE_ZH, HOSTILE_COUPLE_ZH, STONEWALLING_COUPLE_ZH],
    ]) {
      const w = measures(warm);
      const h = measures(hostile);
      const s = measures(stonewalling);
      expect(followUps(w)).toBeGreaterThanOrEqual(5);
      expect(followUps(w)).toBeGreaterThan(followUps(h));
      expect(followUps(w)).toBeGreaterThan(followUps(s));
      expect(answeredShare(w)).toBe(1);
      expect(answeredShare(w)).toBeGreaterThan(answeredShare(h));
      expect(answeredShare(w)).toBeGreaterThan(answeredShare(s) + 0.3);
    }
  });

  it('When one side stonewalls, Then the other keeps asking and gets fewer answers', () => {
    for (const messages of [STONEWALLING_COUPLE_EN, STONEWALLING_COUPLE_ZH]) {
      const [reaching, withdrawn] = measures(messages);
      expect(reaching.questionRate.value!).toBeGreaterThan(0.5);
      expect(withdrawn.questionRate.value!).toBeLessThan(0.2);
      expect(reaching.questionsAnswered.value!).toBeLessThanOrEqual(0.6);
    }
  });

  it('When a couple drifts apart, Then the late months have fewer questions and follow-ups than the early months', () => {
    for (const messages of [DRIFTING_COUPLE_EN, DRIFTING_COUPLE_ZH]) {
      const start = messages[0].sentAt!.getTime();
      const cut = (from: number, to: number) => messages.filter((m) => m.sentAt!.getTime() - start >= from * 30 * 86_400_000 && m.sentAt!.getTime() - start < to * 30 * 86_400_000);
      const rate = (m: [QuestionMeasures, QuestionMeasures]) => (m[0].questionRate.messageIds.length + m[1].questionRate.messageIds.length) / (m[0].questionRate.n + m[1].questionRate.n);
      const early = measures(cut(0, 2));
      const late = measures(cut(3, 7));
      expect(rate(early)).toBeGreaterThan(2 * rate(late));
      expect(followUps(early)).toBeGreaterThanOrEqual(3);
      expect(followUps(late)).toBe(0);
    }
  });

  it('When a couple mixes Chinese and English in one message, Then both languages are read', () => {
    const [mei, kevin] = measures(MIXED_LANGUAGE_COUPLE);
    expect(kevin.followUpQuestions.messageIds).toEqual(expect.arrayContaining(['t2', 't14']));
    expect(mei.followUpQuestions.messageIds).toEqual(['t7']);
    expect(mei.questionsAnswered.value).toBe(1);
  });

  it('When any couple is measured, Then every cited id is a message of that side, in order', () => {
    for (const messages of Object.values(ALL_COUPLES)) {
      const c = prepareConversation(messages);
      questionMeasures(c).forEach((side, s) => {
        const own = c.messages.filter((m) => m.side === s).map((m) => m.id);
        const asked = side.questionRate.messageIds;
        for (const measure of [side.questionRate, side.followUpQuestions, side.questionsAnswered]) {
          expect(measure.messageIds.every((id) => own.includes(id))).toBe(true);
          expect([...measure.messageIds].sort((x, y) => own.indexOf(x) - own.indexOf(y))).toEqual(measure.messageIds);
        }
        expect(side.followUpQuestions.messageIds.every((id) => asked.includes(id))).toBe(true);
        expect(side.questionsAnswered.messageIds.every((id) => asked.includes(id))).toBe(true);
      });
    }
  });
});
