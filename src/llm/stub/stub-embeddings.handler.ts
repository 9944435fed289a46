import { embeddingInputs, embeddingsRequestSchema } from '../openai-compat/embeddings.request';
import { embeddingsBody } from '../openai-compat/embeddings.response';
import { sendJson, type RouteContext } from '../openai-compat/http-router';
import { parseRequestBody } from '../openai-compat/request-validation';
import { countTextTokens } from '../tokens/token-counter';
import { abortableSleep } from './abortable-sleep';
import { DEFAULT_EMBEDDING_DIMENSIONS, hashedEmbedding } from './hashed-embedding';
import { applyStubFaults } from './stub-faults';
import type { StubState } from './stub-state';

export const EMBEDDINGS_PATH = '/v1/embeddings';

/** POST /v1/embeddings: hashed bag-of-words vectors (same text, same vector, on every run). */
export async function handleStubEmbeddings(ctx: RouteContext, state: StubState): Promise<void> {
  const request = parseRequestBody(embeddingsRequestSchema, ctx.body);
  state.log.record(EMBEDDINGS_PATH, request.model, ctx.body);
  const knobs = await applyStubFaults(ctx, state, request.model);
  if (!knobs) return;
  if (!(await abortableSleep(knobs.firstTokenLatencyMs, ctx.signal))) return;

  const inputs = embeddingInputs(request);
  const dimensions = request.dimensions ?? DEFAULT_EMBEDDING_DIMENSIONS;
  const vectors = inputs.map((text) => hashedEmbedding(text, dimensions));
  const promptTokens = inputs.reduce((sum, text) => sum + countTextTokens(text, request.model), 0);
  sendJson(ctx.res, 200, embeddingsBody(request.model, vectors, request.encoding_format ?? 'float', promptTokens));
}
