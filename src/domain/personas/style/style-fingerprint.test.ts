import { danielMessages } from './fixtures/daniel-formal-english';
import { kevinMessages } from './fixtures/kevin-mixed';
import { miaMessages } from './fixtures/mia-casual-english';
import { xiaoyuMessages } from './fixtures/xiaoyu-chinese';
import { computeStyleFingerprint, type StyleMessage } from './style-fingerprint';

const phrasesOf = (messages: StyleMessage[]) => computeStyleFingerprint(messages).frequentPhrases.map((p) => p.phrase);

describe('computeStyleFingerprint', () => {
  describe('When a casual, emoji-heavy English chat is measured', () => {
    const fp = computeStyleFingerprint(miaMessages);

    it('Then it counts only her text messages, leaving out the other side and media placeholders', () => {
      const persona = miaMessages.filter((m) => m.fromPersona);
      expect(persona.some((m) => m.text === '<Media omitted>')).toBe(true);
      expect(fp.messageCount).toBe(persona.length - 2);
    });

    it('Then it reads as English, short, emoji-heavy and mostly unpunctuated', () => {
      expect(fp.languages).toEqual([{ lang: 'en', share: 1 }]);
      expect(fp.length.medianChars).toBeLessThan(25);
      expect(fp.emoji.perMessage).toBeGreaterThan(0.5);
      expect(fp.emoji.top.map((e) => e.emoji)).toEqual(expect.arrayContaining(['😂', '😭', '💕', '✨']));
      expect(fp.punctuation.noFinalPunctuationRate).toBeGreaterThan(0.8);
    });

    it('Then her laughter is lol, lmao and 😂', () => {
      expect(fp.laughter.forms).toEqual(expect.arrayContaining(['lol', 'lmao', '😂']));
      expect(fp.laughter.rate).toBeGreaterThan(0.15);
    });

    it('Then her reply delay is about a minute', () => {
      expect(fp.replyTime).toMatchObject({ medianSeconds: 60 });
      expect(fp.replyTime!.sampleSize).toBeGreaterThan(20);
    });

    it('Then samples are her own typical messages, unique and never placeholders', () => {
      const own = new Set(miaMessages.filter((m) => m.fromPersona).map((m) => m.text));
      expect(fp.samples).toHaveLength(8);
      expect(new Set(fp.samples).size).toBe(8);
      for (const sample of fp.samples) {
        expect(own.has(sample)).toBe(true);
        expect(sample).not.toContain('omitted');
        expect([...sample].length).toBeLessThan(40);
      }
    });
  });

  describe('When a formal English chat is measured', () => {
    const fp = computeStyleFingerprint(danielMessages);

    it('Then it reads as long, fully punctuated, emoji-free and slow to reply', () => {
      expect(fp.languages).toEqual([{ lang: 'en', share: 1 }]);
      expect(fp.length.medianChars).toBeGreaterThan(60);
      expect(fp.length.p90Chars).toBeGreaterThan(fp.length.medianChars);
      expect(fp.emoji).toEqual({ perMessage: 0, top: [] });
      expect(fp.punctuation.noFinalPunctuationRate).toBe(0);
      expect(fp.laughter).toEqual({ rate: 0, forms: [] });
      expect(fp.replyTime!.medianSeconds).toBeGreaterThan(45 * 60);
    });

    it('Then his recurring phrases skip stop-word fragments', () => {
      const phrases = phrasesOf(danielMessages);
      expect(phrases[0]).toBe('thank you');
      expect(phrases).toEqual(expect.arrayContaining(['sleep well', 'i will bring']));
      expect(phrases).not.toContain('i am');
    });
  });

  describe('When a Chinese-only chat is measured', () => {
    const fp = computeStyleFingerprint(xiaoyuMessages);

    it('Then it reads as Chinese with full-width tildes and 。。。 ellipses', () => {
      expect(fp.languages).toEqual([{ lang: 'zh', share: 1 }]);
      expect(fp.punctuation.tildeRate).toBeGreaterThan(0.1);
      expect(fp.punctuation.ellipsisRate).toBeGreaterThan(0.1);
      expect(fp.punctuation.exclamationRate).toBeGreaterThan(0.1);
    });

    it('Then questions ending in 吗/呢/吧 count as questions without a question mark', () => {
      expect(fp.questionRate).toBeGreaterThan(fp.punctuation.questionRate + 0.1);
    });

    it('Then laughter is 哈哈 and 笑死, and phrases keep 宝贝晚安 but drop what only occurs inside it', () => {
      expect(fp.laughter.forms.slice(0, 2)).toEqual(['哈哈', '笑死']);
      const phrases = phrasesOf(xiaoyuMessages);
      expect(phrases).toEqual(expect.arrayContaining(['哈哈哈', '宝贝晚安', '笑死我了']));
      expect(phrases).not.toContain('贝晚安');
      expect(phrases).not.toContain('了哈哈哈');
    });

    it('Then a [图片] placeholder is neither a message nor a sample', () => {
      expect(fp.messageCount).toBe(xiaoyuMessages.filter((m) => m.fromPersona).length - 1);
      expect(fp.samples).not.toContain('[图片]');
    });
  });

  describe('When a chat switches between Chinese and English', () => {
    const fp = computeStyleFingerprint(kevinMessages);

    it('Then each message counts for its dominant script and the shares add up to one', () => {
      expect(fp.languages.map((l) => l.lang)).toEqual(['zh', 'en']);
      expect(fp.languages[0].share).toBeCloseTo(7 / 11);
      expect(fp.languages[1].share).toBeCloseTo(4 / 11);
      expect(fp.laughter.forms).toEqual(expect.arrayContaining(['haha', 'lol']));
    });
  });

  it('When the persona sent nothing, Then every measure is zero and reply time is null', () => {
    const fp = computeStyleFingerprint([{ text: 'hello?', sentAt: null, fromPersona: false }]);
    expect(fp).toMatchObject({
      messageCount: 0,
      length: { meanChars: 0, medianChars: 0, p90Chars: 0 },
      emoji: { perMessage: 0, top: [] },
      questionRate: 0,
      languages: [],
      replyTime: null,
      frequentPhrases: [],
      laughter: { rate: 0, forms: [] },
      samples: [],
    });
    expect(fp.length.histogram.every((h) => h.share === 0)).toBe(true);
  });

  it('When the fingerprint is stored as JSON, Then it survives unchanged (no Infinity or NaN)', () => {
    for (const messages of [miaMessages, xiaoyuMessages, []]) {
      const fp = computeStyleFingerprint(messages);
      expect(JSON.parse(JSON.stringify(fp))).toEqual(fp);
      expect(fp.length.histogram.at(-1)).toMatchObject({ upTo: null });
    }
  });

  it('When lengths are measured, Then an emoji family or a Chinese character is one character', () => {
    const fp = computeStyleFingerprint([
      { text: '👨‍👩‍👧‍👦', sentAt: null, fromPersona: true },
      { text: '好的', sentAt: null, fromPersona: true },
      { text: 'okay!', sentAt: null, fromPersona: true },
    ]);
    expect(fp.length.meanChars).toBeCloseTo((1 + 2 + 5) / 3);
    expect(fp.length.medianChars).toBe(2);
    expect(fp.length.histogram[0]).toEqual({ upTo: 5, share: 1 });
  });
});
