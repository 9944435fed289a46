import { laughs, laughterFormsIn, laughterProfile } from './laughter';

describe('laughter', () => {
  it('When laughter is spelled in many ways, Then each maps to its form', () => {
    expect(laughterFormsIn('HAHAHA')).toEqual(['haha']);
    expect(laughterFormsIn('ahahah ok')).toEqual(['haha']);
    expect(laughterFormsIn('loool')).toEqual(['lol']);
    expect(laughterFormsIn('lmfaooo')).toEqual(['lmao']);
    expect(laughterFormsIn('hhhhh 笑死')).toEqual(['hhh', '笑死']);
    expect(laughterFormsIn('23333')).toEqual(['233']);
    expect(laughterFormsIn('哈哈哈哈哈')).toEqual(['哈哈']);
    expect(laughterFormsIn('それなwww')).toEqual(['www']);
  });

  it('When words merely contain the letters, Then it is not laughter', () => {
    expect(laughterFormsIn('the hotel lobby at www.example.com, room 1233, Lola said hello')).toEqual([]);
  });

  it('When a chat is summarised, Then the rate is per message and forms run most used first', () => {
    expect(laughterProfile(['haha yes', 'lol', 'hahaha', 'ok'])).toEqual({ rate: 0.75, forms: ['haha', 'lol'] });
  });

  it('When only "does it laugh?" is asked, Then laughs agrees with the forms', () => {
    for (const text of ['HAHAHA', 'lmfaooo', '哈哈哈哈哈', 'それなwww', '23333', '笑死 😂']) expect(laughs(text)).toBe(true);
    expect(laughs('the hotel lobby at www.example.com, room 1233, Lola said hello')).toBe(false);
  });
});
