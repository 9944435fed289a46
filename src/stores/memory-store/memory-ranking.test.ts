import { validateRecallQuery } from './memory-input';
import { cosine, importanceWeight, keywordString, keywordTokens, rankMemories, recencyWeight } from './memory-ranking';
import type { Memory } from '../../ports/memory-store.port';

const DAY = 86_400_000;
const NOW = new Date('2026-11-23T12:00:00Z');

function memory(id: string, text: string, vector: number[], fields: Partial<Memory> = {}): Memory {
  return {
    id,
    userId: 'u',
    personaId: 'p',
    view: 'partner',
    kind: 'EVENT',
    text,
    importance: 5,
    validFrom: new Date(NOW.getTime() - DAY),
    sourceMessageIds: [],
    vector,
    validTo: null,
    createdAt: NOW,
    ...fields,
  };
}

const query = (text: string, vector: number[], fields: Record<string, unknown> = {}) =>
  validateRecallQuery({ userId: 'u', personaId: 'p', view: 'partner', text, vector, now: NOW, ...fields }, () => NOW);

describe('keywordTokens', () => {
  it('When text is English, Then it keeps lowercased content words, drops stopwords and one-letter words, and folds plurals', () => {
    expect(keywordTokens("What is my sister's name? My SISTERS are twins, 2 of them.")).toEqual([
      'sister',
      'name',
      'sister',
      'twin',
      '2',
    ]);
  });

  it('When text is Chinese, Then runs become character bigrams and a lone character stays itself', () => {
    expect(keywordTokens('我妹妹叫美美。好')).toEqual(['我妹', '妹妹', '妹叫', '叫美', '美美', '好']);
  });

  it('When scripts mix, Then words and CJK runs split where the script changes', () => {
    expect(keywordTokens('她叫Mei，住在Tokyo东京')).toEqual(['她叫', 'mei', '住在', 'tokyo', '东京']);
  });

  it('When keywords are stored for BM25, Then they are distinct and space-separated', () => {
    expect(keywordString('sister sister 妹妹妹妹')).toBe('sister 妹妹');
  });
});

describe('scores', () => {
  it('When vectors differ in length or are zero, Then cosine is 0', () => {
    expect(cosine([1, 0], [1, 0, 0])).toBe(0);
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1, 12);
  });

  it('When a memory ages, Then recency halves every half-life, and future memories count as new', () => {
    expect(recencyWeight(new Date(NOW.getTime() - 30 * DAY), NOW, 30)).toBeCloseTo(0.5, 12);
    expect(recencyWeight(new Date(NOW.getTime() - 60 * DAY), NOW, 30)).toBeCloseTo(0.25, 12);
    expect(recencyWeight(new Date(NOW.getTime() + DAY), NOW, 30)).toBe(1);
  });

  it('When importance runs 1..10, Then its weight runs 0..1', () => {
    expect(importanceWeight(1)).toBe(0);
    expect(importanceWeight(10)).toBe(1);
  });
});

describe('rankMemories', () => {
  it('When the query has no keywords, Then similarity is the vector half alone', () => {
    const [r] = rankMemories([memory('a', 'anything', [1, 0])], query('the of and', [1, 0]), { alpha: 0.5 });
    expect(r!.similarity).toBeCloseTo(1, 12);
  });

  it('When memories match the keywords, Then a rare shared token counts for more than a common one', () => {
    const q = query('sister tea', [0, 1]);
    const ranked = rankMemories(
      [
        memory('common', 'tea time', [1, 0]),
        memory('rare', 'sister visit', [1, 0]),
        memory('other', 'tea party', [1, 0]),
      ],
      q,
      { alpha: 0 },
    );
    expect(ranked[0]!.memory.id).toBe('rare');
    expect(ranked[0]!.similarity).toBeGreaterThan(ranked[1]!.similarity);
  });

  it('When scores are computed, Then they follow the weighted formula exactly', () => {
    const m = memory('m', 'sister', [1, 0], { importance: 10, validFrom: new Date(NOW.getTime() - 30 * DAY) });
    const [r] = rankMemories([m], query('sister', [1, 0], { weights: { similarity: 2, recency: 1, importance: 1 } }), { alpha: 0.5 });
    // similarity = 0.5 * 1 + 0.5 * 1; recency 0.5; importance 1; weights normalised to 0.5/0.25/0.25.
    expect(r!.similarity).toBeCloseTo(1, 12);
    expect(r!.score).toBeCloseTo(0.5 * 1 + 0.25 * 0.5 + 0.25 * 1, 12);
  });

  it('When everything ties, Then order is deterministic by id', () => {
    const ranked = rankMemories([memory('b', 'x', [1, 0]), memory('a', 'x', [1, 0])], query('x', [1, 0]), { alpha: 0.7 });
    expect(ranked.map((r) => r.memory.id)).toEqual(['a', 'b']);
  });
});
