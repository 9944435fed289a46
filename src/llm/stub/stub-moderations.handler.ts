import { sendJson, type RouteContext } from '../openai-compat/http-router';
import { moderationRequestSchema, moderationTexts } from '../openai-compat/moderation.request';
import { moderationBody, moderationResult } from '../openai-compat/moderation.response';
import { parseRequestBody } from '../openai-compat/request-validation';
import { abortableSleep } from './abortable-sleep';
import { keywordModerationFlags } from './keyword-moderation';
import { applyStubFaults } from './stub-faults';
import type { StubState } from './stub-state';

export const MODERATIONS_PATH = '/v1/moderations';
const DEFAULT_MODERATION_MODEL = 'omni-moderation-latest';

/** POST /v1/moderations: scripted verdicts first, else a tiny Chinese/English keyword list. */
export async function handleStubModerations(ctx: RouteContext, state: StubState): Promise<void> {
  const request = parseRequestBody(moderationRequestSchema, ctx.body);
  const model = request.model ?? DEFAULT_MODERATION_MODEL;
  state.log.record(MODERATIONS_PATH, model, ctx.body);
  const knobs = await applyStubFaults(ctx, state, model);
  if (!knobs) return;
  if (!(await abortableSleep(knobs.firstTokenLatencyMs, ctx.signal))) return;

  const results = moderationTexts(request).map((text) =>
    moderationResult(state.script.takeModerationFlags(text) ?? keywordModerationFlags(text)),
  );
  sendJson(ctx.res, 200, moderationBody(model, results));
}
