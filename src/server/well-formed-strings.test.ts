import { wellFormedReviver } from './well-formed-strings';

describe('wellFormedReviver', () => {
  it('When JSON carries lone surrogates, Then they become U+FFFD and proper pairs (emoji) stay', () => {
    const parsed = JSON.parse('{"a":"x\\ud800y","b":["\\udc00"],"c":"👩‍❤️‍👨","d":1}', wellFormedReviver) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 'x\uFFFDy', b: ['\uFFFD'], c: '👩‍❤️‍👨', d: 1 });
  });
});
