import { prepareConversation } from './conversation';
import type { WarmthMarkers } from './conversation-measures';
import { ALL_COUPLES, HOSTILE_COUPLE_EN, HOSTILE_COUPLE_ZH, MIXED_LANGUAGE_COUPLE, WARM_COUPLE_EN, WARM_COUPLE_ZH } from './fixtures/couples';
import { warmthMarkers } from './warmth-markers';

/** Each text as its own message, speakers alternating A, B; ids t1, t2, …. */
function measure(texts: readonly string[]) {
  return warmthMarkers(prepareConversation(texts.map((text, i) => ({ id: `t${i + 1}`, speaker: i % 2 === 0 ? 'A' : 'B', text }))));
}

/** Which of the texts show the marker (by id, both sides, in order). */
function hits(key: keyof WarmthMarkers, texts: readonly string[]): string[] {
  const [a, b] = measure(texts);
  return [...a[key].messageIds, ...b[key].messageIds].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
}

const all = (texts: readonly string[]) => texts.map((_, i) => `t${i + 1}`);

describe('warmthMarkers', () => {
  it.each<[keyof WarmthMarkers, string[], string[]]>([
    [
      'gratitude',
      ['Thanks so much!', 'thank you', 'thx', 'I really appreciate it', '谢谢你', '多谢', '感谢', '辛苦了', 'Thank you，你真好'],
      ['No thanks, I already ate', 'thanks for nothing', 'The Thames is cold', '我不想谢他'],
    ],
    [
      'apology',
      ["I'm sorry", 'sorry I was late', 'I apologise', 'my bad', '对不起', '抱歉', '不好意思，我来晚了', 'sorry啦'],
      ['Sorry to hear that', "I'm not sorry", 'sorry you feel that way', '他道歉了吗'],
    ],
    [
      'agreement',
      ['yes', 'Yeah totally', 'I agree', 'Exactly!', "that's true", 'sounds good', 'definitely', 'Yesss', '对', '对对对', '是的', '没错', '同意', '好呀', '可以的', 'Sure, why not'],
      ["I don't agree", 'not true', 'yeah right', 'I disagree', '对不起', '对面那家店', '我不同意', '可以吗？', 'make sure you eat', 'definitely not'],
    ],
    [
      'disagreement',
      ['No, I think we should wait', 'No thanks', 'nope', 'I disagree', 'not really', "I don't think so", 'Yeah but it is too expensive', '不对', '不是，我没那么说', '我不同意', '我才不去', '但是我觉得太贵了'],
      ['no problem', 'No worries!', 'oh no', 'I have no idea', '不会吧', '不是吧', '他不是学生', '不对劲', '刚才不在'],
    ],
    [
      'laughter',
      ['hahaha', 'lol', '哈哈哈', '笑死我了', '😂', 'hhhh', '哈哈 ok', '呵呵哈哈'],
      ['呵呵', 'the hotel lobby', 'ok'],
    ],
    [
      'selfDisclosure',
      ['I feel like nobody listens at work', "I've always wanted to see Japan", 'When I was little I had a dog', "I'm so worried about my mom", 'Honestly I was scared', '我觉得这样不太好', '我感觉有点累', '我小时候住在成都', '我其实很怕黑', '说实话，我有点紧张', '我一直想去西藏'],
      ['The report is due Friday', 'You feel cold?', '你觉得呢', '他小时候很胖'],
    ],
    [
      'affection',
      ['love you', 'I miss you so much', '❤️', 'night babe 😘', 'Morning honey', 'hey sweetheart', '爱你', '想你了', '宝贝晚安', '亲爱的，到家了吗', '么么哒', '🥰'],
      ["I don't love you anymore", 'I bought honey and bread', 'the baby is asleep', '我不爱你了', '我想你帮我拿一下'],
    ],
    [
      'weTalk',
      ["We should go", "let's eat", 'our place or mine?', 'come with us', 'Lets go', '我们去吃火锅吧', '咱们走吧', '咱家猫'],
      ['She lets me borrow her car', 'I went alone', 'Western food?', '我自己去'],
    ],
  ])('%s: When a message shows the marker, Then it counts; near-misses do not', (key, yes, no) => {
    expect(hits(key, yes)).toEqual(all(yes));
    expect(hits(key, no)).toEqual([]);
  });

  it('When a message carries several markers, Then it counts once for each, and n is the side\'s message count', () => {
    const [a, b] = measure(['haha yes, thank you ❤️ we did it', 'ok']);
    for (const key of ['laughter', 'agreement', 'gratitude', 'affection', 'weTalk'] as const) {
      expect(a[key]).toEqual({ value: 1, n: 1, messageIds: ['t1'] });
      expect(b[key]).toEqual({ value: 0, n: 1, messageIds: [] });
    }
  });

  it('When a polite "no thanks" is said, Then it is disagreement, not gratitude', () => {
    const [a] = measure(['no thanks']);
    expect(a.disagreement.value).toBe(1);
    expect(a.gratitude.value).toBe(0);
  });

  it('When the shared couples are measured, Then the warm couples show more warmth than the hostile ones and every id is real', () => {
    const warmth = (messages: (typeof ALL_COUPLES)[string]) => {
      const [a, b] = warmthMarkers(prepareConversation(messages));
      const sum = (key: keyof WarmthMarkers) => a[key].value! + b[key].value!;
      return { sum, sides: [a, b] };
    };
    for (const [warm, hostile] of [
      [WARM_COUPLE_EN, HOSTILE_COUPLE_EN],
      [WARM_COUPLE_ZH, HOSTILE_COUPLE_ZH],
    ]) {
      for (const key of ['gratitude', 'affection', 'laughter', 'weTalk'] as const) {
        expect(warmth(warm).sum(key)).toBeGreaterThan(warmth(hostile).sum(key));
      }
    }
    const mixed = warmth(MIXED_LANGUAGE_COUPLE);
    expect(mixed.sum('affection')).toBeGreaterThan(0);
    expect(mixed.sum('laughter')).toBeGreaterThan(0);
    expect(mixed.sum('gratitude')).toBeGreaterThan(0);
    for (const messages of Object.values(ALL_COUPLES)) {
      const ids = new Set(messages.map((m) => m.id));
      for (const side of warmth(messages).sides) for (const measure of Object.values(side)) for (const id of measure.messageIds) expect(ids.has(id)).toBe(true);
    }
  });
});
