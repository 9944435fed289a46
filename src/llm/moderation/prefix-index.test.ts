import { PrefixIndex } from './prefix-index';

describe('PrefixIndex', () => {
  const index = new PrefixIndex([['watch your back', 'youre dead'], ['让你', '你死定了'], null, ['i'], ['kill']]);

  it('When a text holds one of a rule’s prefixes anywhere, Then that rule is a candidate', () => {
    expect([...index.candidates('ok watch your back buddy')].sort()).toEqual([0, 2]);
    expect([...index.candidates('我说你死定了')].sort()).toEqual([1, 2]);
  });

  it('When a text holds none of a rule’s prefixes, Then only rules without prefixes run', () => {
    expect([...index.candidates('see you at noon')]).toEqual([2]);
    expect([...index.candidates('')]).toEqual([2]);
  });

  it('finds a prefix at the very end and a one-character prefix', () => {
    expect(index.candidates('overkill').has(4)).toBe(true);
    expect(index.candidates('hi').has(3)).toBe(true);
  });
});
