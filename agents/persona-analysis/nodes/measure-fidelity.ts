import type { ChatMessage } from '../../../src/ports/model-provider.port';
import { buildPartnerPrompt } from '../../partner-simulation/build-partner-prompt';
import { genericPartnerPrompt, partnerSystemPrompt } from '../../partner-simulation/prompts';
import { DEFAULTS, tag, type PersonaAnalysisDeps } from '../configuration';
import type { HeldOutExchange, PersonaAnalysisStateType, PersonaAnalysisUpdate } from '../state';

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
};

// Meaning counts more than surface style, but a reply in the wrong register is not "them".
const SEMANTIC_WEIGHT = 0.7;

function turnsOf(exchange: HeldOutExchange): ChatMessage[] {
  return [...exchange.context, exchange.prompt].map((m) => ({ role: m.fromPersona ? 'assistant' : 'user', content: m.text }));
}

/**
 * The fidelity score: the partner-simulation agent (with this profile) answers held-out
 * prompts; its replies are compared with what the person really wrote — embedding
 * similarity and style distance — against the same measure for a generic persona.
 */
export async function measureFidelity(deps: PersonaAnalysisDeps, state: PersonaAnalysisStateType): Promise<PersonaAnalysisUpdate> {
  const exchanges = state.heldOut.slice(0, deps.maxHeldOut ?? DEFAULTS.maxHeldOut);
  if (exchanges.length === 0) {
    await deps.progress('fidelity', 0.95);
    return { fidelity: null };
  }
  const summary = typeof state.profile?.summary === 'string' ? state.profile.summary : null;
  const system = buildPartnerPrompt({ ...deps.persona, profileSummary: summary });
  const generic = genericPartnerPrompt.render({});
  const reply = async (systemPrompt: string, exchange: HeldOutExchange, node: string, prompt: { name: string; version: number }) =>
    (
      await deps.llm.chat({
        tier: 'chat',
        temperature: 0,
        maxTokens: 120,
        messages: [{ role: 'system', content: systemPrompt }, ...turnsOf(exchange)],
        tag: tag(deps, node, prompt),
      })
    ).text;

  const simulated: string[] = [];
  const baseline: string[] = [];
  for (const [i, exchange] of exchanges.entries()) {
    simulated.push(await reply(system, exchange, 'measure-fidelity', partnerSystemPrompt));
    baseline.push(await reply(generic, exchange, 'measure-fidelity-baseline', genericPartnerPrompt));
    await deps.progress('fidelity', 0.75 + 0.2 * ((i + 1) / exchanges.length));
  }
  const real = exchanges.map((x) => x.reply.text);
  const vectors = await deps.llm.embed([...real, ...simulated, ...baseline], tag(deps, 'measure-fidelity'));
  const n = real.length;
  const meanCosine = (offset: number) => real.reduce((sum, _, i) => sum + cosine(vectors[i]!, vectors[offset + i]!), 0) / n;
  const score = SEMANTIC_WEIGHT * meanCosine(n) + (1 - SEMANTIC_WEIGHT) * (1 - deps.styleDistance(real, simulated));
  const base = SEMANTIC_WEIGHT * meanCosine(2 * n) + (1 - SEMANTIC_WEIGHT) * (1 - deps.styleDistance(real, baseline));
  const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
  return { fidelity: { score: round(score), baseline: round(base), sampleSize: n } };
}
