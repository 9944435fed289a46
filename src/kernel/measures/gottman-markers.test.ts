import { prepareConversation, type PreparedConversation } from './conversation';
import { ALL_COUPLES, HOSTILE_COUPLE_EN, HOSTILE_COUPLE_ZH, STONEWALLING_COUPLE_EN, STONEWALLING_COUPLE_ZH, WARM_COUPLE_EN, WARM_COUPLE_ZH } from './fixtures/couples';
import { gottmanMarkers, isHostile } from './gottman-markers';
import { messageSentiment } from './sentiment';

/** Lines as [speaker, text, sentiment]; ids t1, t2, … in order. Sentiment is set by hand (0 when left out). */
function chat(lines: readonly (readonly [string, string, number?])[]): { conv: PreparedConversation; sentiment: number[] } {
  const conv = prepareConversation(lines.map(([speaker, text], i) => ({ id: `t${i + 1}`, speaker, text })));
  return { conv, sentiment: lines.map(([, , s]) => s ?? 0) };
}

/** Ids of each side's messages showing `key`, side 0 first. */
function cited(lines: readonly (readonly [string, string, number?])[], key: keyof ReturnType<typeof gottmanMarkers>[0]): [string[], string[]] {
  const { conv, sentiment } = chat(lines);
  const [a, b] = gottmanMarkers(conv, sentiment);
  return [a[key].messageIds, b[key].messageIds];
}

const total = (markers: ReturnType<typeof gottmanMarkers>, key: keyof ReturnType<typeof gottmanMarkers>[0]) =>
  (markers[0][key].value ?? 0) + (markers[1][key].value ?? 0);

function onFixture(messages: (typeof ALL_COUPLES)[string]) {
  const conv = prepareConversation(messages);
  return gottmanMarkers(conv, conv.messages.map(messageSentiment));
}

describe('gottmanMarkers', () => {
  describe('criticism', () => {
    it('When a partner is attacked with "you always / never" or a character word, Then it is criticism (English and Chinese)', () => {
      const lines = [
        ['A', 'You always forget to call me.', -0.3],
        ['B', "What's wrong with you?", -0.5],
        ['A', "You're so selfish", -0.4],
        ['B', '你总是迟到'],
        ['A', '你从来不听我说话'],
        ['B', '你每次都这样'],
        ['A', '你就是这样，永远不改'],
      ] as const;
      expect(cited(lines, 'criticism')).toEqual([
        ['t1', 't3', 't5', 't7'],
        ['t2', 't4', 't6'],
      ]);
    });

    it('When "you always" is praise, Then it is not criticism: a clearly positive message, or praise phrased as a generalisation', () => {
      const lines = [
        ['A', 'You always make me laugh 😂', 0.6],
        ['B', 'you always make me laugh'],
        ['A', '你总是让我很开心'],
        ['B', '你每次都做得很好啊', 0.1],
        ['A', "You're always so thoughtful"],
      ] as const;
      expect(cited(lines, 'criticism')).toEqual([[], []]);
    });

    it('When "always / never" is a neutral question or an idiom, Then it is not criticism', () => {
      const lines = [
        ['A', 'Do you always take the bus to work?'],
        ['B', 'You never know, it might rain'],
        ['A', '你从来没去过北京吗？'],
        ['B', 'As you always say, better late than never'],
      ] as const;
      expect(cited(lines, 'criticism')).toEqual([[], []]);
    });

    it('When someone says "I never said that", Then it is defensiveness, not criticism', () => {
      const lines = [
        ['A', 'You told everyone I was lazy', -0.5],
        ['B', 'I never said that'],
      ] as const;
      expect(cited(lines, 'criticism')).toEqual([[], []]);
      expect(cited(lines, 'defensiveness')).toEqual([[], ['t2']]);
    });
  });

  describe('contempt', () => {
    it('When a partner is insulted, mocked or met with an eye-roll, Then it is contempt', () => {
      const lines = [
        ['A', "You're such an idiot"],
        ['B', 'yeah right 🙄'],
        ['A', 'Whatever you say'],
        ['B', 'lol ok'],
        ['A', 'Oh great, you forgot again', 0.5],
        ['B', 'Wow, you want a medal for that? Real impressive', 0.6],
      ] as const;
      expect(cited(lines, 'contempt')).toEqual([
        ['t1', 't3', 't5'],
        ['t2', 't4', 't6'],
      ]);
    });

    it('When 呵呵 sneers, 切 scoffs or a Chinese insult is used, Then it is contempt', () => {
      const lines = [
        ['A', '呵呵'],
        ['B', '呵呵，你真行', -0.2],
        ['A', '切，谁稀罕'],
        ['B', '你可真厉害，又把钥匙丢了'],
        ['A', '白痴'],
        ['B', '你有病吧'],
        ['A', '神经病'],
        ['B', '你这个笨蛋'],
      ] as const;
      expect(cited(lines, 'contempt')).toEqual([
        ['t1', 't3', 't5', 't7'],
        ['t2', 't4', 't6', 't8'],
      ]);
    });

    it('When laughter, polite refusal, sincere praise or a fond nickname look alike, Then it is not contempt', () => {
      const lines = [
        ['A', '哈哈哈哈'],
        ['B', 'No thanks, I already ate'],
        ['A', 'Nice job on the presentation!', 0.6],
        ['B', '你真厉害！', 0.5],
        ['A', '跟我还客气啥呀傻瓜', -0.1],
        ['B', '我有病了，要去医院', -0.3],
        ['A', '我在切菜'],
        ['B', "You're a genius, thank you!", 0.7],
      ] as const;
      expect(cited(lines, 'contempt')).toEqual([[], []]);
    });
  });

  describe('defensiveness', () => {
    it('When blame is turned back or denied, Then it is defensiveness wherever it is said', () => {
      const lines = [
        ['A', 'The sink is full again'],
        ['B', "It's not my fault"],
        ['A', "Look who's talking, you left yours too"],
        ['B', "That's because you never help"],
        ['A', '又不是我的错'],
        ['B', '那是因为你天天加班'],
        ['A', '你怎么不说你自己'],
        ['B', '我也没办法'],
      ] as const;
      expect(cited(lines, 'defensiveness')).toEqual([
        ['t3', 't5', 't7'],
        ['t2', 't4', 't6', 't8'],
      ]);
    });

    it('When an excuse answers a complaint, Then it is defensiveness; the same words as news are not', () => {
      const lines = [
        ['A', 'You forgot to pick me up', -0.4],
        ['B', 'I was busy'],
        ['A', '你又没回我消息', -0.2],
        ['B', '我只是在开会'],
        ['A', 'How was the zoo?'],
        ['B', 'I was busy all day at the zoo, it was fun'],
        ['A', '你今天干嘛了？'],
        ['B', '我只是在家看书'],
      ] as const;
      expect(cited(lines, 'defensiveness')).toEqual([[], ['t2', 't4']]);
    });

    it('When someone asks "what about you?" back with interest, Then it is not defensiveness', () => {
      const lines = [
        ['A', 'My day was great'],
        ['B', 'Nice! What about you?'],
      ] as const;
      expect(cited(lines, 'defensiveness')).toEqual([[], []]);
    });
  });

  describe('stonewalling', () => {
    it('When a minimal reply or walking away follows a negative turn, Then it is stonewalling', () => {
      const lines = [
        ['A', 'You never listen to me', -0.3],
        ['B', 'fine.'],
        ['A', 'I hate how this weekend went', -0.6],
        ['B', 'k'],
        ['A', '你每次都这样'],
        ['B', '嗯'],
        ['A', '我真的很难过', -0.5],
        ['B', '随便'],
        ['A', '你根本不在乎我', -0.4],
        ['B', '好吧'],
        ['A', 'This is so frustrating', -0.5],
        ['B', 'anyway, what do you want for dinner?'],
      ] as const;
      expect(cited(lines, 'stonewalling')).toEqual([[], ['t2', 't4', 't6', 't8', 't10', 't12']]);
    });

    it('When the same minimal replies follow neutral or warm turns, Then it is not stonewalling', () => {
      const lines = [
        ['A', "I'll be home at six"],
        ['B', 'ok'],
        ['A', 'Dinner at the Thai place?', 0.2],
        ['B', 'sure'],
        ['A', '我到了'],
        ['B', '嗯'],
        ['A', '周末去爬山吧', 0.3],
        ['B', '好吧'],
      ] as const;
      expect(cited(lines, 'stonewalling')).toEqual([[], []]);
    });

    it('When a short reply to a complaint goes on to apologise or defend, Then it engages and is not stonewalling', () => {
      const lines = [
        ['A', 'You forgot our anniversary', -0.4],
        ['B', 'ok'],
        ['B', "I'm sorry, you're right"],
        ['A', 'You always do this', -0.3],
        ['B', 'fine'],
        ['B', "it's not my fault though"],
      ] as const;
      expect(cited(lines, 'stonewalling')).toEqual([[], []]);
    });
  });

  describe('repair attempts', () => {
    it('When someone de-escalates, apologises, concedes or jokes during a conflict, Then it is a repair attempt', () => {
      const lines = [
        ['A', "You're so lazy", -0.5],
        ['B', "I'm sorry, you're right", 0.1],
        ['A', 'You never help with anything', -0.3],
        ['B', "Let's calm down and start over"],
        ['A', 'haha ok ok, you win', 0.4],
        ['B', '你总是这样'],
        ['A', '对不起，我错了'],
        ['B', '我们别吵了，冷静一下'],
        ['A', 'I love you'],
      ] as const;
      expect(cited(lines, 'repairAttempts')).toEqual([
        ['t5', 't7', 't9'],
        ['t2', 't4', 't8'],
      ]);
    });

    it('When the same warm words come in a calm chat, Then only explicit de-escalation is a repair', () => {
      const lines = [
        ['A', "Sorry I'm late, traffic", -0.1],
        ['B', 'haha no worries', 0.4],
        ['A', 'I love you', 0.6],
        ['B', "You're right, the store closes at nine"],
        ['A', '抱歉，刚才在开会'],
      ] as const;
      expect(cited(lines, 'repairAttempts')).toEqual([[], []]);
    });

    it('When an apology is sarcastic, Then it is contempt, not a repair', () => {
      const lines = [
        ['A', '你每次都这样'],
        ['B', '行行行，都是我的错，满意了吧'],
      ] as const;
      expect(cited(lines, 'repairAttempts')).toEqual([[], []]);
      expect(cited(lines, 'contempt')).toEqual([[], ['t2']]);
    });
  });

  describe('isHostile', () => {
    const message = (text: string) => prepareConversation([{ id: 'm', speaker: 'A', text }]).messages[0];

    it('When a message criticises, shows contempt or lashes out at the partner, Then it is hostile', () => {
      expect(isHostile(message('You never listen'), -0.2)).toBe(true);
      expect(isHostile(message('白痴'), 0)).toBe(true);
      expect(isHostile(message('I hate you, you ruined everything'), -0.8)).toBe(true);
    });

    it('When a message is sad, warm or sympathetic, Then it is not hostile, however negative', () => {
      expect(isHostile(message("I'm devastated, I failed the exam"), -0.8)).toBe(false);
      expect(isHostile(message("I'm so sorry you're going through this, it's awful"), -0.7)).toBe(false);
      expect(isHostile(message('You always make me laugh'), 0.6)).toBe(false);
    });
  });

  it('When a hostile and a warm exchange are compared, Then the hostile one shows more horsemen and the counts cite real ids', () => {
    const hostile = chat([
      ['A', 'You always leave a mess. What is wrong with you?', -0.6],
      ['B', "It's not my fault, I was busy"],
      ['A', 'Oh great, another excuse 🙄', -0.2],
      ['B', 'whatever'],
    ]);
    const warm = chat([
      ['A', 'Thank you for cooking tonight ❤️', 0.7],
      ['B', 'Anytime! How was your day?', 0.4],
      ['A', 'Long, but better now haha', 0.3],
      ['B', 'Glad to hear it', 0.5],
    ]);
    const h = gottmanMarkers(hostile.conv, hostile.sentiment);
    const w = gottmanMarkers(warm.conv, warm.sentiment);
    for (const key of ['criticism', 'contempt', 'defensiveness', 'stonewalling'] as const) {
      expect(total(h, key)).toBeGreaterThan(total(w, key));
    }
    expect(h[0].criticism).toEqual({ value: 1, n: 2, messageIds: ['t1'] });
    expect(h[1].stonewalling).toEqual({ value: 1, n: 2, messageIds: ['t4'] });
    const ids = new Set(hostile.conv.messages.map((m) => m.id));
    for (const side of h) for (const measure of Object.values(side)) for (const id of measure.messageIds) expect(ids.has(id)).toBe(true);
  });

  it('When the shared couples are measured, Then the hostile couples show the horsemen, the stonewallers stonewall and the warm couples do neither', () => {
    for (const [hostile, stonewalling, warm] of [
      [HOSTILE_COUPLE_EN, STONEWALLING_COUPLE_EN, WARM_COUPLE_EN],
      [HOSTILE_COUPLE_ZH, STONEWALLING_COUPLE_ZH, WARM_COUPLE_ZH],
    ]) {
      const h = onFixture(hostile);
      const s = onFixture(stonewalling);
      const w = onFixture(warm);
      for (const key of ['criticism', 'contempt', 'defensiveness'] as const) expect(total(h, key)).toBeGreaterThan(total(w, key));
      expect(total(s, 'stonewalling')).toBeGreaterThanOrEqual(3);
      expect(total(s, 'stonewalling')).toBeGreaterThan(total(w, 'stonewalling'));
      expect(total(w, 'criticism') + total(w, 'contempt') + total(w, 'stonewalling')).toBe(0);
    }
    // The withdrawing partner is the one who stonewalls.
    expect(onFixture(STONEWALLING_COUPLE_EN)[1].stonewalling.value).toBeGreaterThan(onFixture(STONEWALLING_COUPLE_EN)[0].stonewalling.value!);
    for (const messages of Object.values(ALL_COUPLES)) {
      const ids = new Set(messages.map((m) => m.id));
      for (const side of onFixture(messages)) for (const measure of Object.values(side)) for (const id of measure.messageIds) expect(ids.has(id)).toBe(true);
    }
  });
});
