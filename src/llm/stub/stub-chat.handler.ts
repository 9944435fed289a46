import { chatCompletionRequestSchema, type ChatCompletionRequest } from '../openai-compat/chat-completion.request';
import {
  chatCompletionBody,
  chatCompletionChunk,
  chatUsage,
  chatUsageChunk,
  logprobsContent,
  newCompletionIdentity,
  type FinishReason,
} from '../openai-compat/chat-completion.response';
import { countableMessages, lastUserText, requestedMaxTokens, systemText } from '../openai-compat/chat-messages';
import type { RouteContext } from '../openai-compat/http-router';
import { sendJson } from '../openai-compat/http-router';
import { parseRequestBody } from '../openai-compat/request-validation';
import { SseWriter } from '../openai-compat/sse-writer';
import { countChatPromptTokens, countTextTokens, truncateToTokenBudget } from '../tokens/token-counter';
import { abortableSleep } from './abortable-sleep';
import { defaultStubReply } from './default-reply';
import { sampleFromJsonSchema } from './json-schema-sampler';
import { splitIntoChunks } from './reply-chunks';
import { stubTopLogprobs } from './stub-logprobs';
import { applyStubFaults } from './stub-faults';
import { visionReply } from './stub-vision';
import type { StubState } from './stub-state';
import type { StubKnobs } from './stub-knobs';

export const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';

/** POST /v1/chat/completions: scripted or deterministic replies, with the model's fault knobs applied. */
export async function handleStubChat(ctx: RouteContext, state: StubState): Promise<void> {
  const request = parseRequestBody(chatCompletionRequestSchema, ctx.body);
  state.log.record(CHAT_COMPLETIONS_PATH, request.model, ctx.body);
  const knobs = await applyStubFaults(ctx, state, request.model);
  if (!knobs) return;

  const { content, finishReason } = composeReply(request, state, knobs);
  const usage = chatUsage(
    countChatPromptTokens(countableMessages(request.messages), request.model),
    countTextTokens(content, request.model),
  );
  const identity = newCompletionIdentity(request.model);

  if (!request.stream) {
    if (!(await abortableSleep(knobs.firstTokenLatencyMs, ctx.signal))) return;
    if (request.logprobs) {
      // Probabilities are reported for the reply's first token only (what a judge reading them asks for).
      const { first, top } = stubTopLogprobs(content, lastUserText(request.messages));
      const logprobs = logprobsContent([{ token: first, logprob: top.find((c) => c.token === first)?.logprob ?? 0, top: top.slice(0, request.top_logprobs ?? 0) }]);
      sendJson(ctx.res, 200, chatCompletionBody(identity, first, 'length', chatUsage(usage.prompt_tokens, 1), logprobs));
      return;
    }
    sendJson(ctx.res, 200, chatCompletionBody(identity, content, finishReason, usage));
    return;
  }

  const includeUsage = request.stream_options?.include_usage === true;
  const sse = new SseWriter(ctx.res);
  sse.open();
  if (!(await abortableSleep(knobs.firstTokenLatencyMs, ctx.signal))) return;
  const chunks = splitIntoChunks(content, knobs.chunkCount);
  for (let i = 0; i < chunks.length; i++) {
    if (knobs.cutAfterChunks !== null && i >= knobs.cutAfterChunks) {
      ctx.res.destroy();
      return;
    }
    if (i > 0 && !(await abortableSleep(knobs.chunkIntervalMs, ctx.signal))) return;
    const delta = i === 0 ? { role: 'assistant' as const, content: chunks[i] } : { content: chunks[i] };
    await sse.send(chatCompletionChunk(identity, delta, null, includeUsage));
  }
  if (knobs.cutAfterChunks !== null) {
    // Cutting after every content chunk still loses the finish chunk, usage and [DONE].
    ctx.res.destroy();
    return;
  }
  await sse.send(chatCompletionChunk(identity, {}, finishReason, includeUsage));
  if (includeUsage) await sse.send(chatUsageChunk(identity, usage));
  await sse.done();
}

/** Script rule, then the model's fixed reply, then what it sees in images, then a default (a schema sample for structured output). */
function composeReply(request: ChatCompletionRequest, state: StubState, knobs: StubKnobs): { content: string; finishReason: FinishReason } {
  const lastUser = lastUserText(request.messages);
  const scripted = state.script.takeChatReply({ model: request.model, lastUser, system: systemText(request.messages) });
  const format = request.response_format;
  const wantsJson = format?.type === 'json_schema' || format?.type === 'json_object';

  let content: string;
  const seen = scripted === undefined && knobs.reply === null ? visionReply(request) : null;
  if (scripted !== undefined) content = typeof scripted === 'string' ? scripted : JSON.stringify(scripted);
  else if (knobs.reply !== null) content = knobs.reply;
  else if (seen !== null) content = seen;
  else if (format?.type === 'json_schema') content = JSON.stringify(sampleFromJsonSchema(format.json_schema.schema ?? {}));
  else if (format?.type === 'json_object') content = JSON.stringify({ reply: defaultStubReply(lastUser) });
  else content = defaultStubReply(lastUser);

  // A token budget truncates prose as OpenAI would; JSON is left whole so structured output
  // stays parseable, and so is a reply read for its probabilities (its first token is sent).
  const maxTokens = requestedMaxTokens(request);
  if (!wantsJson && !request.logprobs && maxTokens !== undefined) {
    const truncated = truncateToTokenBudget(content, maxTokens, request.model);
    if (truncated !== content) return { content: truncated, finishReason: 'length' };
  }
  return { content, finishReason: 'stop' };
}
