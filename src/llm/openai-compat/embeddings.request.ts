import { z } from 'zod';

export const MAX_EMBEDDING_INPUTS = 2048;
export const MAX_EMBEDDING_DIMENSIONS = 4096;

/** POST /v1/embeddings body. Token-array inputs (number[]) are not supported by these servers. */
export const embeddingsRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1).max(MAX_EMBEDDING_INPUTS)], {
    message: `input must be a string or an array of at most ${MAX_EMBEDDING_INPUTS} strings`,
  }),
  dimensions: z.number().int().min(1).max(MAX_EMBEDDING_DIMENSIONS).nullish(),
  encoding_format: z.enum(['float', 'base64']).nullish(),
  user: z.string().nullish(),
});

export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>;

/** The inputs as a list, whichever form the client sent. */
export function embeddingInputs(request: EmbeddingsRequest): string[] {
  return typeof request.input === 'string' ? [request.input] : request.input;
}
