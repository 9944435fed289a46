import { normalizeForModeration } from './text-normalizer';

const views = (text: string) => normalizeForModeration(text).views;

describe('normalizeForModeration', () => {
  it.each([
    ['full-width letters and ideographic space', 'ｋｉｌｌ　ｍｙｓｅｌｆ', 'kill myself'],
    ['zero-width characters inside a word', 'ki\u200Bll my\u200Dself', 'kill myself'],
    ['upper case', 'KILL MYSELF', 'kill myself'],
    ['dots between letters', 'k.i.l.l myself', 'kill myself'],
    ['spaces between letters', 's u i c i d e', 'suicide'],
    ['a whole phrase spelled out', 'k i l l m y s e l f', 'kill myself'],
    ['a word split in two', 'sui cide', 'suicide'],
    ['digit leetspeak', 'k1ll mys3lf', 'kill myself'],
    ['symbol leetspeak', 'k!ll my$elf', 'kill myself'],
    ['Cyrillic look-alikes', 'kіll уоu', 'kill you'],
    ['accents', 'kïll mysélf', 'kill myself'],
    ['stretched letters', 'suiiiicide', 'suicide'],
    ['"2" for "to" between words', 'want 2 die', 'want to die'],
    ['apostrophes', "I'm done", 'im done'],
    ['spaces between Chinese characters', '我 想 自 杀', '我想自杀'],
    ['symbols between Chinese characters', '我想自.杀', '我想自杀'],
    ['emoji between Chinese characters', '我想自😊杀', '我想自杀'],
    ['traditional characters', '活著沒意思', '活着没意思'],
  ])('When text uses %s, Then one view reads it plainly', (_what, text, expected) => {
    expect(views(text)).toContain(expected);
  });

  it('When a word ends with "!", Then the "!" stays punctuation and is not read as an "i"', () => {
    expect(views('k1ll y0u!')).toContain('kill you');
  });

  it('When numbers stand alone, Then they stay numbers, so ages can still be read', () => {
    expect(views('I am 12 yo')).toEqual(['i am 12 yo']);
  });

  it('When a real Russian word is written, Then its letters are not folded into Latin ones', () => {
    expect(views('привет')).toEqual(['привет']);
  });

  it('When text has emoji and punctuation, Then the plain form keeps them for the banter cues', () => {
    expect(normalizeForModeration('LOL 😂!').plain).toBe('lol 😂!');
  });

  it('When a long run of single letters cannot be split into words, Then it is joined quickly and kept whole', () => {
    const run = `${'i m '.repeat(19)}x`;
    const started = performance.now();
    expect(views(run)).toEqual([`${'im'.repeat(19)}x`]);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('normalizeForModeration: trailing punctuation', () => {
  it('When a word only ends in "!" or "?", Then it is read once (no leetspeak readings), and mid-word "!" still is', () => {
    expect(normalizeForModeration('see you tonight!').views).toEqual(['see you tonight']);
    expect(normalizeForModeration('k!ll yourself').views).toContain('kill yourself');
  });
});
