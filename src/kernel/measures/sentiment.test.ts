import { SentimentIntensityAnalyzer } from 'vader-sentiment';
import { prepareConversation, type ConversationMessage, type PreparedMessage } from './conversation';
import { hanScore, messageSentiment, sentimentMeasures, vaderCompound } from './sentiment';

/** One prepared message, as the measures see it. */
const msg = (text: string): PreparedMessage => prepareConversation([{ id: 'm', speaker: 'A', text }]).messages[0];
const score = (text: string): number => messageSentiment(msg(text));

describe('messageSentiment: English', () => {
  it('scores positive, negative and neutral messages', () => {
    expect(score('I love this, thank you so much!')).toBeGreaterThanOrEqual(0.05);
    expect(score("I hate this, it's awful.")).toBeLessThanOrEqual(-0.05);
    expect(score('The meeting is at 3pm in room 4.')).toBe(0);
    expect(score("I don't love you")).toBeLessThan(0);
  });

  it('gives exactly what vader-sentiment polarity_scores gives (our faster tokeniser)', () => {
    const texts = [
      'VADER is smart, handsome, and funny.',
      'VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!',
      'VADER is not smart, handsome, nor funny.',
      "At least it isn't a horrible book.",
      'The book was only kind of good.',
      'The plot was good, but the characters are uncompelling and the dialog is not great.',
      'Today only kinda sux! But I\'ll get by, lol',
      'Make sure you :) or :D today!',
      '"great!" (great) \'good\' !!good ??good?? great?!?! ..good.. -good-',
      'Hmm... ok?? fine!!!!',
      'never so good, never this good, the shit, yeah right, sort of good',
      'tab\tgood\nnew line BAD',
      'i\'m GOOD, you\'re BAD',
    ];
    for (const text of texts) {
      expect([text, vaderCompound(text)]).toEqual([text, SentimentIntensityAnalyzer.polarity_scores(text).compound]);
      expect(score(text)).toBe(SentimentIntensityAnalyzer.polarity_scores(text).compound);
    }
  });
});

describe('messageSentiment: Chinese', () => {
  it('covers everyday chat words with the right sign', () => {
    for (const word of ['开心', '喜欢', '爱你', '好棒', '谢谢', '哈哈']) expect([word, score(word) > 0.05]).toEqual([word, true]);
    for (const word of ['讨厌', '生气', '难过', '烦', '累', '失望']) expect([word, score(word) < -0.05]).toEqual([word, true]);
  });

  it('scores positive, negative and neutral messages', () => {
    expect(score('我今天很开心')).toBeGreaterThanOrEqual(0.05);
    expect(score('我爱你')).toBeGreaterThanOrEqual(0.05); // one segment: 我爱你
    expect(score('你好棒')).toBeGreaterThanOrEqual(0.05); // 你 | 好棒
    expect(score('我很生气')).toBeLessThanOrEqual(-0.05);
    expect(score('好累啊')).toBeLessThanOrEqual(-0.05); // 好累 | 啊
    expect(score('我们明天去吃饭吧')).toBe(0);
    expect(score('公鸡')).toBe(0); // machine-translated AFINN "cock" −5, removed
  });

  it('scales the lexicon sum the way VADER normalises: x / sqrt(x² + 15)', () => {
    // 开心 +3 alone; 很 开心 adds VADER's booster increment 0.293.
    expect(hanScore(['开心'])).toBeCloseTo(3 / Math.sqrt(9 + 15), 10);
    expect(hanScore(['我', '很', '开心'])).toBeCloseTo(3.293 / Math.sqrt(3.293 ** 2 + 15), 10);
  });

  it('flips a sentiment word after 不 / 没 / 别 (VADER’s −0.74)', () => {
    expect(score('我不开心')).toBeLessThanOrEqual(-0.05); // 我不 | 开心
    expect(score('不喜欢')).toBeLessThanOrEqual(-0.05); // 不 | 喜欢
    expect(score('我一点都不开心')).toBeLessThanOrEqual(-0.05); // 都不 | 开心
    expect(hanScore(['不', '开心'])).toBeCloseTo((3 * -0.74) / Math.sqrt((3 * 0.74) ** 2 + 15), 10);
    // Negated negatives lean positive, as in VADER ("not angry").
    expect(score('我没有生气')).toBeGreaterThan(0);
    expect(score('别难过')).toBeGreaterThan(0);
    expect(score('我没有生气')).toBeGreaterThan(score('我很生气'));
  });
});

describe('messageSentiment: mixed and emoji', () => {
  it('weights the Latin and Han parts by their word counts', () => {
    // 3 English words scored by VADER, 3 neutral Chinese words (我们 | 明天 | 见): half of VADER's score.
    const mixed = score('I love you 我们明天见');
    expect(mixed).toBeCloseTo(SentimentIntensityAnalyzer.polarity_scores('I love you').compound / 2, 10);
    // 今天 | 好累 (Han, 2 words) and "but ok" (Latin, 2 words).
    const han = hanScore(['今天', '好累']);
    expect(score('今天好累 but ok')).toBeCloseTo((han * 2 + vaderCompound(' but ok') * 2) / 4, 10);
  });

  it('scores emoji-only messages and emoji in Chinese messages', () => {
    expect(score('😂')).toBeGreaterThanOrEqual(0.05);
    expect(score('❤️')).toBeGreaterThanOrEqual(0.05);
    expect(score('😡')).toBeLessThanOrEqual(-0.05);
    expect(score('😂😂')).toBeGreaterThan(score('😂'));
    expect(score('明天见😂')).toBeGreaterThanOrEqual(0.05); // neutral words, laughing emoji
    expect(score('明天见😡')).toBeLessThanOrEqual(-0.05);
    expect(score('ok 😡')).toBeLessThan(score('ok'));
    expect(score('……')).toBe(0);
  });
});

describe('sentimentMeasures', () => {
  const lines: ConversationMessage[] = [
    { id: 't1', speaker: 'Ana', text: 'I love this!' },
    { id: 't2', speaker: 'Ben', text: '我很开心' },
    { id: 't3', speaker: 'Ana', text: 'This is awful.' },
    { id: 't4', speaker: 'Ana', text: 'See you at 5.' },
  ];
  const conv = prepareConversation(lines);
  const scores = conv.messages.map(messageSentiment);

  it('gives each side its mean, citing non-neutral messages, and counts positive / negative ones', () => {
    const [ana, ben] = sentimentMeasures(conv, scores);
    expect(ana.meanSentiment.value).toBeCloseTo((scores[0] + scores[2] + scores[3]) / 3, 10);
    expect(ana.meanSentiment.n).toBe(3);
    expect(ana.meanSentiment.messageIds).toEqual(['t1', 't3']);
    expect(ana.positiveMessages).toEqual({ value: 1, n: 3, messageIds: ['t1'] });
    expect(ana.negativeMessages).toEqual({ value: 1, n: 3, messageIds: ['t3'] });
    expect(ben.meanSentiment).toEqual({ value: scores[1], n: 1, messageIds: ['t2'] });
    expect(ben.positiveMessages.value).toBe(1);
    expect(ben.negativeMessages.value).toBe(0);
  });

  it('is null for a side with no messages and rejects scores that do not match the messages', () => {
    const solo = prepareConversation([lines[0]]);
    const [, nobody] = sentimentMeasures(solo, [messageSentiment(solo.messages[0])]);
    expect(nobody.meanSentiment).toEqual({ value: null, n: 0, messageIds: [] });
    expect(() => sentimentMeasures(conv, scores.slice(1))).toThrow();
  });
});
