/**
 * A `list` of embeddings. `base64` packs each vector as little-endian float32, which is what
 * the official openai SDK requests by default (and decodes) when no format is given.
 */
export function embeddingsBody(model: string, vectors: readonly (readonly number[])[], encodingFormat: 'float' | 'base64', promptTokens: number) {
  return {
    object: 'list' as const,
    model,
    data: vectors.map((vector, index) => ({
      object: 'embedding' as const,
      index,
      embedding: encodingFormat === 'base64' ? float32Base64(vector) : [...vector],
    })),
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

function float32Base64(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}
