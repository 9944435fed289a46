import { embeddingInputs, embeddingsRequestSchema } from '../openai-compat/embeddings.request';
import { embeddingsBody } from '../openai-compat/embeddings.response';
import { sendJson, type RouteContext } from '../openai-compat/http-router';
import { OpenAiHttpError } from '../openai-compat/openai-error';
import { parseRequestBody } from '../openai-compat/request-validation';
import { countTextTokens } from '../tokens/token-counter';
import { OFFLINE_EMBEDDING_DIMENSIONS, type OfflineEmbeddings } from './offline-embeddings';

/** POST /v1/embeddings answered by the local sentence encoder. */
export async function handleOfflineEmbeddings(ctx: RouteContext, embeddings: () => Promise<OfflineEmbeddings>): Promise<void> {
  const request = parseRequestBody(embeddingsRequestSchema, ctx.body);
  const dimensions = request.dimensions ?? OFFLINE_EMBEDDING_DIMENSIONS;
  if (dimensions > OFFLINE_EMBEDDING_DIMENSIONS) {
    throw new OpenAiHttpError(400, `The offline embedding model has at most ${OFFLINE_EMBEDDING_DIMENSIONS} dimensions`, 'invalid_dimensions', 'dimensions');
  }
  const inputs = embeddingInputs(request);
  const vectors = await (await embeddings()).embed(inputs, dimensions);
  // Counted like OpenAI's embedding models, so usage and quotas read the same on either path.
  const promptTokens = inputs.reduce((sum, text) => sum + countTextTokens(text, 'text-embedding-3-small'), 0);
  sendJson(ctx.res, 200, embeddingsBody(request.model, vectors, request.encoding_format ?? 'float', promptTokens));
}
