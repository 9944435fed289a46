import { partnerTurnPrompt } from '../../../partner-simulation/partner-turn-prompt';
import { partnerScenePrompt } from '../../../partner-simulation/scene-prompt';
import type { SimulationDeps } from '../../configuration';
import { LINE_MAX_TOKENS } from '../../nodes/without-leaks';
import { speak, type LineRequest } from '../speak';
import type { EpisodeGraphStateType, EpisodeGraphUpdate } from '../state';
import type { TokenMeter } from '../token-meter';

/** What the partner-simulation agent is asked: the partner persona, the shared scene and its own private goal (never the user's). */
export function partnerRequest(deps: SimulationDeps, state: EpisodeGraphStateType): LineRequest {
  const { self, partner } = deps.run;
  return {
    agent: 'partner-simulation',
    system: partnerTurnPrompt(partner, self, state.scene, state.scenario!.privateGoals.partner, { smallModel: deps.smallModel }),
    prompt: partnerScenePrompt,
    temperature: 0.8,
    // One text message: a short cap keeps a small local model from rambling (and is faster:
    // ~0.1 s a token on the offline model). 40 tokens is ~150 characters, well over the
    // measured styles' "rarely over" lengths (~50–60).
    maxTokens: LINE_MAX_TOKENS,
  };
}

/** The partner-simulation agent plays the partner's next line. */
export function partnerTurn(deps: SimulationDeps, state: EpisodeGraphStateType, meter: TokenMeter): Promise<EpisodeGraphUpdate> {
  return speak(deps, state, 'partner', partnerRequest(deps, state), meter);
}
