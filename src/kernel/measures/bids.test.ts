import { bidMeasures, classifyBids, type BidEvent } from './bids';
import { prepareConversation, type ConversationMessage, type PreparedConversation } from './conversation';
import { ALL_COUPLES, DRIFTING_COUPLE_EN, DRIFTING_COUPLE_ZH, HOSTILE_COUPLE_EN, HOSTILE_COUPLE_ZH, STONEWALLING_COUPLE_EN, STONEWALLING_COUPLE_ZH, WARM_COUPLE_EN, WARM_COUPLE_ZH } from './fixtures/couples';
import { messageSentiment } from './sentiment';

type Line = readonly [speaker: string, text: string, sentiment?: number];

/** Lines as [speaker, text, sentiment]; ids t1, t2, …; sentiment by hand (0 when left out). */
function chat(lines: readonly Line[], minutesApart?: readonly number[]): { conv: PreparedConversation; sentiment: number[] } {
  let time = Date.parse('2024-05-01T10:00:00Z');
  const messages: ConversationMessage[] = lines.map(([speaker, text], i) => {
    time += (minutesApart?.[i] ?? 1) * 60_000;
    return { id: `t${i + 1}`, speaker, text, sentAt: minutesApart ? new Date(time) : null };
  });
  return { conv: prepareConversation(messages), sentiment: lines.map(([, , s]) => s ?? 0) };
}

/** "bid→response:kind" for each event. */
function events(lines: readonly Line[], minutesApart?: readonly number[]): string[] {
  const { conv, sentiment } = chat(lines, minutesApart);
  return classifyBids(conv, sentiment).map((e) => `${e.bid.id}→${e.response?.id ?? '-'}:${e.kind}`);
}

/** The kind of the reply (t2) to one bid (t1). */
const kindOf = (bid: string, reply: string, sentiment: [number, number] = [0, 0]) =>
  events([
    ['A', bid, sentiment[0]],
    ['B', reply, sentiment[1]],
  ])[0] ?? 'no bid';

function onFixture(messages: ConversationMessage[]) {
  const conv = prepareConversation(messages);
  const sentiment = conv.messages.map(messageSentiment);
  const all = classifyBids(conv, sentiment);
  return { all, measures: bidMeasures(conv, sentiment, all) };
}

const share = (all: readonly BidEvent[], kind: BidEvent['kind']) => all.filter((e) => e.kind === kind).length / all.length;

describe('classifyBids', () => {
  it.each([
    ['a question', 'How was your day?'],
    ['news', 'Guess what, I got the job!'],
    ['a feeling', "I'm so tired"],
    ['an invitation', 'Want to grab dinner tonight'],
    ['a self-disclosure', 'When I was little I was scared of the dark'],
    ['a question (Chinese)', '你吃饭了吗'],
    ['news (Chinese)', '你知道吗，我今天升职了'],
    ['a feeling (Chinese)', '今天好累'],
    ['an invitation (Chinese)', '周末一起去爬山'],
  ])('When a message is %s, Then it is a bid', (_kind, text) => {
    expect(kindOf(text, 'ok').startsWith('t1→t2')).toBe(true);
  });

  it('When a message reaches for nothing, or attacks, Then it is not a bid', () => {
    expect(kindOf('The meeting moved to 3', 'ok')).toBe('no bid');
    expect(kindOf('好的', '嗯')).toBe('no bid');
    expect(kindOf("What's wrong with you?", 'sorry')).toBe('no bid');
  });

  // `sentiment` has a default rather than being an optional fourth argument: jest would take
  // a fourth parameter for the `done` callback of rows that have three.
  it.each<[string, string, string, [number, number]?]>([
    ['How was your day?', 'Long, my boss kept me late', 'toward'],
    ['How was your day?', 'Good! And you?', 'toward'],
    ["I'm so tired", 'Aw, what happened?', 'toward'],
    ['Guess what, I got the job!', 'Congrats!! 🎉', 'toward'],
    ['Guess what, I got the job!', 'ok', 'toward'],
    ['Want to grab dinner tonight?', 'sure', 'toward'],
    ['I finished the pottery mug!', 'haha finally, the mug looks great', 'toward'],
    ['今天好累', '抱抱，怎么了？', 'toward'],
    ['我今天面试通过了！', '太棒了！面试官说什么了？', 'toward'],
    ['要不要一起去看电影？', '好呀', 'toward'],
    ['面试几点开始？', '两点半，你今天忙吗？', 'toward'],
    ['How was your day?', 'ok', 'away'],
    ["I'm so sad today", 'ok', 'away'],
    ['今天好累', '嗯', 'away'],
    ['Guess what, I got the job!', 'Did you pay the internet bill?', 'away'],
    ['我今天升职了！', '明天早上吃什么', 'away'],
    ['How was your day?', 'idk', 'away'],
    ['周末一起吃饭吗？', '再说吧', 'away'],
    ["I'm so nervous about tomorrow", 'anyway, the game is on tonight', 'away'],
    ['Guess what, I got the job!', 'Who cares', 'against'],
    ['Guess what, I got the job!', 'So what', 'against'],
    ['我今天升职了', '关我什么事', 'against'],
    ['我今天升职了', '那又怎样', 'against'],
    ['How was your day?', "Why do you always ask that? You're so annoying", 'against', [0, -0.6]],
    ['你吃饭了吗', '白痴', 'against'],
  ])('When "%s" gets "%s", Then it is turned %s', (bid, reply, kind, sentiment = [0, 0]) => {
    expect(kindOf(bid, reply, sentiment)).toBe(`t1→t2:${kind}`);
  });

  it('When a bid gets laughter, Then laughing along turns toward, but not laughing at a sad bid', () => {
    expect(kindOf('Guess what, I fell off my bike into a pond', 'hahaha', [0, 0.3])).toBe('t1→t2:toward');
    expect(kindOf("I'm so sad, my dog died", 'hahaha', [-0.8, 0.3])).toBe('t1→t2:away');
  });

  it('When the bidder writes again after 30 minutes of silence, Then the bid was turned away with no response', () => {
    expect(
      events(
        [
          ['A', 'How was your day?'],
          ['A', 'Hello??'],
          ['B', 'sorry, busy day! how was yours?'],
        ],
        [0, 45, 2],
      ),
    ).toEqual(['t1→-:away', 't2→t3:toward']);
  });

  it('When one speaker sends several lines before the other replies, Then the turn makes one bid, cited by its last bid line', () => {
    expect(
      events([
        ['A', 'Guess what!'],
        ['A', 'I got the job!!'],
        ['B', 'No way, congrats!'],
      ]),
    ).toEqual(['t2→t3:toward']);
  });

  it('When the transcript ends on a bid, Then it is left out: it had no chance of a reply', () => {
    expect(
      events([
        ['A', 'Hi'],
        ['B', 'How was your day?'],
      ]),
    ).toEqual([]);
  });
});

describe('bidMeasures', () => {
  it('When bids are met, Then each side counts its bids, its replies to the other\'s bids, and its responsiveness', () => {
    const { conv, sentiment } = chat([
      ['A', 'How was your day?'],
      ['B', 'Great! I got a raise. How was yours?'],
      ['A', 'ok'],
      ['B', 'Want to celebrate tonight?'],
      ['A', 'who cares'],
      ['B', 'I miss you'],
      ['A', 'I miss you too ❤️'],
    ]);
    const [a, b] = bidMeasures(conv, sentiment);
    expect(a.bidsMade).toEqual({ value: 1, n: 4, messageIds: ['t1'] });
    expect(b.bidsMade).toEqual({ value: 3, n: 3, messageIds: ['t2', 't4', 't6'] });
    expect(b.turnedToward).toEqual({ value: 1, n: 1, messageIds: ['t2'] });
    expect(b.responsiveness).toEqual({ value: 1, n: 1, messageIds: ['t2'] });
    expect(a.turnedToward).toEqual({ value: 1, n: 3, messageIds: ['t7'] });
    expect(a.turnedAway).toEqual({ value: 1, n: 3, messageIds: ['t3'] });
    expect(a.turnedAgainst).toEqual({ value: 1, n: 3, messageIds: ['t5'] });
    expect(a.responsiveness.value).toBeCloseTo(1 / 3);
  });

  it('When a bid goes unanswered, Then the other side\'s turned-away cites the bid; with no bids received responsiveness is null', () => {
    const { conv, sentiment } = chat(
      [
        ['A', 'Are you coming to dinner?'],
        ['A', 'Hello?'],
        ['B', 'sorry, yes'],
      ],
      [0, 60, 5],
    );
    const [a, b] = bidMeasures(conv, sentiment);
    expect(b.turnedAway).toEqual({ value: 1, n: 2, messageIds: ['t1'] });
    expect(b.turnedToward).toEqual({ value: 1, n: 2, messageIds: ['t3'] });
    expect(a.responsiveness).toEqual({ value: null, n: 0, messageIds: [] });
  });

  it('When a warm and a hostile exchange are compared, Then the warm one turns toward more and the hostile one against more', () => {
    const warm = chat([
      ['A', 'Guess what, I passed the exam!', 0.5],
      ['B', "No way! I'm so proud of you 🎉", 0.8],
      ['A', 'Thank you! Want to celebrate tonight?', 0.6],
      ['B', 'Yes! Dumplings?', 0.4],
      ['A', "Dumplings, yes! I'm kind of nervous about the next one though", -0.2],
      ['B', 'Aw, you will be fine. What part worries you?', 0.3],
    ]);
    const hostile = chat([
      ['A', 'Guess what, I passed the exam!', 0.5],
      ['B', 'So what', 0],
      ['A', 'Want to celebrate tonight?', 0.3],
      ['B', "You always want something. What's wrong with you?", -0.6],
      ['A', "I'm kind of nervous about the next one", -0.2],
      ['B', 'whatever', 0],
    ]);
    const w = classifyBids(warm.conv, warm.sentiment);
    const h = classifyBids(hostile.conv, hostile.sentiment);
    expect(share(w, 'toward')).toBeGreaterThan(share(h, 'toward'));
    expect(share(h, 'against')).toBeGreaterThan(share(w, 'against'));
    expect(new Set(w.map((e) => e.kind))).toEqual(new Set(['toward']));
    expect(h.map((e) => e.kind)).toEqual(['against', 'against', 'against']);
  });

  it('When the shared couples are measured, Then warm couples turn toward most, hostile ones against more, and stonewalling / drifting ones away more', () => {
    const pairs = [
      [WARM_COUPLE_EN, HOSTILE_COUPLE_EN, STONEWALLING_COUPLE_EN, DRIFTING_COUPLE_EN],
      [WARM_COUPLE_ZH, HOSTILE_COUPLE_ZH, STONEWALLING_COUPLE_ZH, DRIFTING_COUPLE_ZH],
    ];
    for (const [warm, hostile, stonewalling, drifting] of pairs) {
      const w = onFixture(warm).all;
      const h = onFixture(hostile).all;
      const s = onFixture(stonewalling).all;
      const d = onFixture(drifting).all;
      expect(share(w, 'toward')).toBeGreaterThanOrEqual(0.8);
      expect(share(w, 'toward')).toBeGreaterThan(share(h, 'toward'));
      expect(share(w, 'toward')).toBeGreaterThan(share(s, 'toward'));
      expect(share(h, 'against')).toBeGreaterThan(share(w, 'against'));
      expect(share(s, 'away')).toBeGreaterThan(share(w, 'away'));
      expect(share(d, 'away')).toBeGreaterThan(share(w, 'away'));
    }
    // The stonewalling partner (side 1) is the less responsive one.
    for (const couple of [STONEWALLING_COUPLE_EN, STONEWALLING_COUPLE_ZH]) {
      const [sarah, dan] = onFixture(couple).measures;
      expect(sarah.bidsMade.value!).toBeGreaterThan(dan.bidsMade.value!);
      expect(dan.responsiveness.value!).toBeLessThan(0.5);
    }
  });

  it('When any couple is measured, Then every cited id is a real message id', () => {
    for (const messages of Object.values(ALL_COUPLES)) {
      const ids = new Set(messages.map((m) => m.id));
      const { all, measures } = onFixture(messages);
      for (const e of all) {
        expect(ids.has(e.bid.id)).toBe(true);
        if (e.response) expect(e.response.side).not.toBe(e.bid.side);
      }
      for (const side of measures) for (const measure of Object.values(side)) for (const id of measure.messageIds) expect(ids.has(id)).toBe(true);
    }
  });
});
