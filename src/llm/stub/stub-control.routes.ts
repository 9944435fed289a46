import { z } from 'zod';
import { sendJson, type HttpRouter } from '../openai-compat/http-router';
import { OpenAiHttpError } from '../openai-compat/openai-error';
import { parseRequestBody } from '../openai-compat/request-validation';
import type { StubState } from './stub-state';
import { partialStubKnobsSchema } from './stub-knobs';
import { scriptRulesSchema, type ScriptRule } from './stub-script';

const configBodySchema = z.strictObject({ model: z.string().min(1).max(200), knobs: partialStubKnobsSchema });
const scriptBodySchema = z.strictObject({ rules: scriptRulesSchema });

/**
 * The stub's remote control, for a stub running in another process (benchmarks, `soullink
 * stub-llm`): the same operations as the in-process handle, under /__stub.
 */
export function addStubControlRoutes(router: HttpRouter, state: StubState, reset: () => void): void {
  router.post('/__stub/config', ({ res, body }) => {
    const { model, knobs } = parseRequestBody(configBodySchema, body);
    state.knobs.configure(model, knobs);
    sendJson(res, 200, { ok: true, model, knobs: state.knobs.resolve(model) });
  });
  router.post('/__stub/script', ({ res, body }) => {
    const { rules } = parseRequestBody(scriptBodySchema, body);
    try {
      state.script.add(rules as ScriptRule[]);
    } catch (error) {
      throw new OpenAiHttpError(400, (error as Error).message, 'too_many_rules');
    }
    sendJson(res, 200, { ok: true, added: rules.length });
  });
  router.post('/__stub/reset', ({ res }) => {
    reset();
    sendJson(res, 200, { ok: true });
  });
  router.get('/__stub/requests', ({ res }) => {
    sendJson(res, 200, { requests: state.log.list() });
  });
}
