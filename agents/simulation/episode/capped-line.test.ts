import { cappedLine } from './capped-line';

describe('cappedLine', () => {
  it('keeps a cut line up to its last whole sentence', () => {
    expect(cappedLine('Sure, I can do Friday. But money can bec')).toBe('Sure, I can do Friday.');
  });

  it('drops the cut last word of a line without a sentence end and trails off', () => {
    expect(cappedLine('I was thinking we could go to the mark')).toBe('I was thinking we could go to the…');
    expect(cappedLine('Honestly, I think that we should, maybe')).toBe('Honestly, I think that we should…');
  });

  it('keeps a single cut word, which is all there is', () => {
    expect(cappedLine('Absolutel')).toBe('Absolutel');
  });

  it('keeps an [END] mark after the cut', () => {
    expect(cappedLine('Fine. See you then and[END]')).toBe('Fine.[END]');
  });
});
