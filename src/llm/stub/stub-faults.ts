import type { RouteContext } from '../openai-compat/http-router';
import { OpenAiHttpError } from '../openai-compat/openai-error';
import { untilAborted } from './abortable-sleep';
import type { StubKnobs } from './stub-knobs';
import type { StubState } from './stub-state';

/**
 * Applies the request-level faults configured for `model`: throws the configured HTTP error,
 * or hangs until the client or the server gives up (then returns null: nothing to answer).
 * Otherwise returns the knobs that shape the reply.
 */
export async function applyStubFaults(ctx: RouteContext, state: StubState, model: string): Promise<StubKnobs | null> {
  const failStatus = state.knobs.takeFailure(model);
  if (failStatus !== null) {
    throw new OpenAiHttpError(failStatus, `Stub failure configured for model '${model}' (HTTP ${failStatus})`, 'stub_failure');
  }
  const knobs = state.knobs.resolve(model);
  if (knobs.hang) {
    await untilAborted(ctx.signal);
    return null;
  }
  return knobs;
}
