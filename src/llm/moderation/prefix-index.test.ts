import { PrefixIndex } from './prefix-index';

describe('PrefixIndex', () => {
  const index = new PrefixIndex([['watch your back', 'youre dead'], ['让你', '你死定了'], null, ['i'], ['kill']]);

  it('When a text holds one of a rule’s prefixes anywhere, Then that rule is a candidate', () => {
    expect(index.candidates('ok watch your back buddy')).toEqual([0, 2]);
    expect(index.candidates('我说你死定了')).toEqual([1, 2]);
  });

  it('When a text holds none of a rule’s prefixes, Then only rules without prefixes run', () => {
    expect(index.candidates('see you at noon')).toEqual([2]);
    expect(index.candidates('')).toEqual([2]);
  });

  it('finds a prefix at the very end and a one-character prefix', () => {
    expect(index.candidates('overkill')).toContain(4);
    expect(index.candidates('hi')).toContain(3);
  });

  it('When several rules share a prefix, or prefixes share a bucket, Then each rule is found once, in ascending order', () => {
    const shared = new PrefixIndex([['kill'], ['kill', 'die'], ['ki'], ['k'], ['kil'], ['😂'], ['😂x']]);
    expect(shared.candidates('i could die, kill kill 😂')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shared.candidates('😂x k')).toEqual([3, 5, 6]);
  });

  /*
   * The index is a hash table, so it is checked against its definition: a rule is a candidate
   * exactly when it has no prefixes or one of them occurs in the text. Texts mix ASCII, Chinese,
   * emoji (surrogate pairs) and characters whose codes collide in the table's buckets.
   */
  it('When texts are random, Then the candidates are exactly the rules with a prefix in the text (or none at all)', () => {
    let state = 7;
    const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
    const alphabet = ['a', 'b', 'i', 'k', 'l', ' ', '你', '死', '杀', '😂', '\u4000', '\u0041', '\u2041', 'ab', 'ki'];
    const word = (max: number) => Array.from({ length: 1 + next(max) }, () => alphabet[next(alphabet.length)]).join('');
    const rules = Array.from({ length: 60 }, (_, rule) => (rule % 9 === 0 ? null : Array.from({ length: 1 + next(3) }, () => word(4))));
    const random = new PrefixIndex(rules);
    for (let n = 0; n < 2000; n++) {
      const text = word(30);
      const expected = rules.flatMap((prefixes, rule) => (prefixes === null || prefixes.some((p) => p !== '' && text.includes(p)) ? [rule] : []));
      expect({ text, candidates: random.candidates(text) }).toEqual({ text, candidates: expected });
    }
  });
});
