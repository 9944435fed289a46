import type { DependencyHealth, HealthCheck } from '../ports/health-check.port';
import type { LlmSettings } from './llm-settings';
import type { ModelBreakers } from './model-breakers';

/**
 * LLM readiness from the breakers: when every model of the chat tier is refusing calls,
 * replies are canned and the service is degraded (never down: users still get an answer).
 */
export class LlmHealth implements HealthCheck {
  readonly name = 'llm' as const;

  constructor(
    private readonly settings: LlmSettings,
    private readonly breakers: ModelBreakers,
  ) {}

  async check(): Promise<DependencyHealth> {
    const mode = this.settings.mode;
    const tiers = Object.entries(this.settings.tiers).filter(([, refs]) => this.breakers.allOpen(refs));
    if (tiers.length > 0) {
      return { status: 'degraded', mode, detail: `all models down for tier(s): ${tiers.map(([t]) => t).join(', ')}` };
    }
    return { status: 'ok', mode };
  }
}
