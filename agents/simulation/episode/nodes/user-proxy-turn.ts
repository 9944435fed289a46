import type { SimulationDeps } from '../../configuration';
import { userProxyPrompt } from '../../user-proxy/prompts';
import { userTurnPrompt } from '../../user-proxy/user-turn-prompt';
import { LINE_MAX_TOKENS } from '../../nodes/without-leaks';
import { speak, type LineRequest } from '../speak';
import type { EpisodeGraphStateType, EpisodeGraphUpdate } from '../state';
import type { TokenMeter } from '../token-meter';

/** What the user-proxy is asked: the SELF persona, the shared scene and its own private goal (never the partner's). */
export function userProxyRequest(deps: SimulationDeps, state: EpisodeGraphStateType): LineRequest {
  const { self, partner } = deps.run;
  return {
    agent: 'user-proxy',
    system: userTurnPrompt(self, partner, state.scene, state.scenario!.privateGoals.self, { smallModel: deps.smallModel }),
    prompt: userProxyPrompt,
    temperature: 0.8,
    // One text message: a short cap keeps a small local model from rambling (and is faster:
    // ~0.1 s a token on the offline model). 40 tokens is ~150 characters, well over the
    // measured styles' "rarely over" lengths (~50–60).
    maxTokens: LINE_MAX_TOKENS,
  };
}

/** The user-proxy agent plays the user's next line. */
export function userProxyTurn(deps: SimulationDeps, state: EpisodeGraphStateType, meter: TokenMeter): Promise<EpisodeGraphUpdate> {
  return speak(deps, state, 'self', userProxyRequest(deps, state), meter);
}
