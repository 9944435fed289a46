import { usableScene, wholeSentences } from './usable-scene';

const INSTRUCTIONS = 'Set the scene for a short role-played chat between and , a couple. In two or three plain sentences, in the present tense, describe where they are.';

describe('usableScene', () => {
  it('When the model writes a plain scene, Then it is used, whitespace and quotes tidied', () => {
    expect(usableScene('  "The noodle bar is loud;\n Mei is ten minutes late and Alex has ordered for two."  ', INSTRUCTIONS)).toBe('The noodle bar is loud; Mei is ten minutes late and Alex has ordered for two.');
  });

  it.each([
    ['empty', '  '],
    ['too long', 'The bar is loud. '.repeat(60)],
    ['an echo of the instructions', 'Stub reply to "Set the scene for a short role-played chat between Alex and Mei"'],
    ['markup', '{"scene": "a bar"} and nothing more to say here'],
    ['a refusal', 'I cannot write that scene for you, sorry about that.'],
    ['private-goal talk', 'Alex has a private goal: to split the rent fairly.'],
  ])('When the text is %s, Then it is not used', (_name, text) => {
    expect(usableScene(text, INSTRUCTIONS)).toBeNull();
  });
});

describe('wholeSentences', () => {
  it('When the scene was cut at its token cap mid-sentence, Then it ends at its last whole sentence', () => {
    expect(wholeSentences('The noodle bar is loud. Mei is late and Alex has ordered for')).toBe('The noodle bar is loud.');
    expect(usableScene('The noodle bar is loud and warm. Mei is late and Alex has ordered for', INSTRUCTIONS)).toBe('The noodle bar is loud and warm.');
  });

  it('When the text ends a sentence, or has no sentence end at all, Then it is kept whole', () => {
    expect(wholeSentences('They sit apart. The air is still!')).toBe('They sit apart. The air is still!');
    expect(wholeSentences('“Rain on the window.” Two cups cooling')).toBe('“Rain on the window.”');
    expect(wholeSentences('a quiet kitchen at night')).toBe('a quiet kitchen at night');
  });
});
