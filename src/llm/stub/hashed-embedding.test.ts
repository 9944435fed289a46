import { embeddingFeatures, hashedEmbedding } from './hashed-embedding';

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i], 0);

describe('hashed bag-of-words embedding', () => {
  it('When the same text is embedded twice, Then the vectors are identical and unit length', () => {
    const a = hashedEmbedding('She remembers our first date at the lake');
    expect(hashedEmbedding('She remembers our first date at the lake')).toEqual(a);
    expect(cosine(a, a)).toBeCloseTo(1, 10);
  });

  it('When texts share words, Then their cosine similarity is higher than for unrelated texts', () => {
    const memory = hashedEmbedding('our first date was at the lake in summer');
    const query = hashedEmbedding('where was our first date?');
    const unrelated = hashedEmbedding('quarterly tax filing deadline');
    expect(cosine(memory, query)).toBeGreaterThan(cosine(memory, unrelated) + 0.2);
  });

  it('When Chinese texts share characters, Then they are closer than unrelated Chinese texts', () => {
    const memory = hashedEmbedding('我们第一次约会是在西湖边');
    const query = hashedEmbedding('第一次约会在哪里？');
    const unrelated = hashedEmbedding('明天公司要开会讨论预算');
    expect(cosine(memory, query)).toBeGreaterThan(cosine(memory, unrelated) + 0.2);
    expect(embeddingFeatures('西湖')).toEqual(['西', '西湖', '湖']);
  });

  it('When a text is empty or has no words, Then it still gets a unit vector of the requested size', () => {
    for (const text of ['', '   ', '!!!']) {
      const v = hashedEmbedding(text, 64);
      expect(v).toHaveLength(64);
      expect(cosine(v, v)).toBeCloseTo(1, 10);
    }
  });
});
