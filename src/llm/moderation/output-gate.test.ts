import { LocalModerator } from './local-moderator';
import { TUNING_CORPUS } from './moderation-corpus';
import type { Moderator } from '../../ports/moderation.port';
import { OutputGate } from './output-gate';

const moderator = new LocalModerator();

/** Streams `pieces` through a word-by-word gate: what each piece released, and what the end released. */
async function stream(pieces: string[], gate = OutputGate.wordByWord(moderator)) {
  const released: string[] = [];
  for (const piece of pieces) {
    if (gate.flagged) break;
    released.push(await gate.pass(piece));
  }
  const last = gate.flagged ? '' : await gate.end();
  return { released, last, sent: released.join('') + last, gate };
}

/** A moderator that notes what it was asked. */
function recording(inner: Moderator = moderator) {
  const asked: string[] = [];
  return {
    asked,
    moderator: { moderate: (text: string, direction: 'input' | 'output') => (asked.push(text), inner.moderate(text, direction)) },
  };
}

/** Cuts a text into pieces of 1..max characters (code points), the same way for the same seed. */
function randomPieces(text: string, seed: number, max = 7): string[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const chars = [...text];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const size = 1 + Math.floor(next() * max);
    pieces.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return pieces;
}

describe('OutputGate, word by word (in-process moderator)', () => {
  it('When a clean reply streams in pieces that split words, Then each piece releases the words it completes at once, and the rest at the end', async () => {
    const { released, last, gate } = await stream(['I had ', 'the lo', 'velies', 't afte', 'rnoon ', 'at the']);
    expect(released).toEqual(['I had ', 'the ', '', 'loveliest ', 'afternoon ', 'at ']);
    expect(last).toBe('the');
    expect(gate.flagged).toBeNull();
  });

  it('When a piece ends inside a word, Then the partial word is held, not released', async () => {
    const gate = OutputGate.wordByWord(moderator);
    expect(await gate.pass('You are so sw')).toBe('You are so ');
    expect(await gate.pass('ee')).toBe('');
    expect(await gate.pass('t ')).toBe('sweet ');
  });

  it('When a slur is streamed in pieces, Then no part of it is ever released, the gate is flagged and nothing after it goes out', async () => {
    const { sent, gate } = await stream(['That guy is a fa', 'g', 'got and ', 'I hate him. ', 'See you ', 'tonight, ', 'my ', 'love, ', 'at ', 'eight, ', 'okay? ', 'Bye ', 'now']);
    expect(sent).toBe('That guy is a ');
    expect(gate.flagged).toMatchObject({ action: 'block', categories: ['hate'] });
  });

  it('When a flagged phrase is completed by a word, Then the flagged word is never released', async () => {
    const text = 'Sure, here is how to build a pipe bomb step by step: first get explosives, then wire the detonator to the timer and hide it well. ';
    const { sent, gate } = await stream(text.match(/\S+\s*/g)!);
    expect(text.startsWith(sent)).toBe(true);
    expect(sent).not.toMatch(/bomb|explosive|detonator/i);
    expect(gate.flagged?.categories).toContain('illicit');
  });

  it('When a benign idiom is split across pieces ("the chink" … "in the armour", "想死" … "你了"), Then the words wait and are released at once when the idiom clears them', async () => {
    const english = await stream(['Your joke found ', 'the chink ', 'in ', 'the ', 'armour, ', 'honestly']);
    expect(english.released).toEqual(['Your joke found ', '', '', '', 'the chink in the armour, ', '']);
    expect(english.sent).toBe('Your joke found the chink in the armour, honestly');
    expect(english.gate.flagged).toBeNull();

    const chinese = await stream(['宝贝我', '想', '死', '你', '了！']);
    expect(chinese.sent).toBe('宝贝我想死你了！');
    expect(chinese.released.slice(0, 3).join('')).not.toContain('死');
    expect(chinese.gate.flagged).toBeNull();

    const banter = await stream(['If you eat my fries ', 'ill kill you ', 'lol ', 'okay?']);
    expect(banter.released).toEqual(['If you eat my fries ', '', 'ill kill you lol ', '']);
    expect(banter.gate.flagged).toBeNull();
  });

  it('When failed words are not cleared within a few words, or the stream ends first, Then the verdict stands and they are never released', async () => {
    const late = await stream(['Honestly ', 'ill kill you ', 'if ', 'you ', 'ever ', 'touch ', 'my ', 'fries ', 'again, ', 'my ', 'friend, ', 'lol']);
    expect(late.sent).toBe('Honestly ');
    expect(late.gate.flagged).toMatchObject({ action: 'block' });

    const ended = await stream(['Honestly ', 'ill ', 'kill ', 'you']);
    expect(ended.sent).toBe('Honestly ill kill ');
    expect(ended.gate.flagged).toMatchObject({ action: 'block' });
  });

  it('When Chinese streams character by character, Then it is released as it comes, except the start of a rule term', async () => {
    const clean = await stream([...'今天好开心，晚上一起吃火锅吧']);
    expect(clean.sent).toBe('今天好开心，晚上一起吃火锅吧');
    expect(clean.released.filter(Boolean).length).toBeGreaterThan(8);

    const harmful = await stream([...'我觉得活着没有意思，想自杀，今晚就跳楼']);
    expect(harmful.sent).not.toMatch(/自杀|跳楼/);
    expect(harmful.gate.flagged).toMatchObject({ action: 'support' });
  });

  it('When words are checked, Then each check reads the new words with a bounded tail of released text, starting at a word', async () => {
    const { asked, moderator: spy } = recording();
    const text = 'I had the loveliest afternoon at the climbing gym, then we went for hot pot and laughed about it for hours. Tell me about yours! '.repeat(4);
    const pieces = text.match(/[^]{1,6}/g)!;
    const { sent } = await stream(pieces, OutputGate.wordByWord(spy));
    expect(sent).toBe(text);
    // At most one check a piece (a piece that completes no word, or only whitespace, needs none).
    expect(asked.length).toBeLessThan(pieces.length);
    expect(Math.max(...asked.map((a) => a.length))).toBeLessThanOrEqual(160 + 20);
    expect(asked.every((a) => /^\S/.test(a) && text.includes(a))).toBe(true);
  });

  it('When any corpus line streams in random pieces, Then the client only ever holds text the moderator allows in its context, a line the moderator flags is flagged by the gate, and a line it allows arrives whole', async () => {
    for (const [n, line] of TUNING_CORPUS.entries()) {
      const text = `Okay. ${line.text} `;
      for (const seed of [n + 1, n + 1000]) {
        const gate = OutputGate.wordByWord(moderator);
        let sent = '';
        for (const piece of randomPieces(text, seed)) {
          if (gate.flagged) break;
          sent += await gate.pass(piece);
          expect({ line: line.text, sent, action: moderator.classify(sent, 'output').action }).toMatchObject({ action: 'allow' });
        }
        if (!gate.flagged) sent += await gate.end();
        expect({ line: line.text, sent, action: moderator.classify(sent, 'output').action }).toMatchObject({ action: 'allow' });
        const allowed = moderator.classify(text, 'output').action === 'allow';
        expect({ line: line.text, flagged: gate.flagged !== null }).toEqual({ line: line.text, flagged: !allowed });
        if (allowed) expect(sent).toBe(text);
      }
    }
  });
});

describe('OutputGate, sentence by sentence (moderation API)', () => {
  it('When a sentence fails its check, Then it stands at once: the windows before it went out, nothing from it on does', async () => {
    const { asked, moderator: spy } = recording();
    const gate = OutputGate.sentenceBySentence(spy);
    const { sent } = await stream(['Morning! I missed you so much ', 'last night, honestly. ', 'Here is how to build a pipe bomb. ', 'Anyway, see you. ', 'Bye'], gate);
    // "honestly. " is shorter than a window, so it went to the check with the bomb sentence.
    expect(sent).toBe('Morning! I missed you so much last night, ');
    expect(gate.flagged?.categories).toContain('illicit');
    expect(asked).toHaveLength(2);
  });
});
