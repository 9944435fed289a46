import type { DependencyHealth, HealthCheck } from '../ports/health-check.port';

/**
 * LLM readiness. The provider layer (model tiers, breakers, offline model) reports here;
 * until it is wired, no model is configured.
 */
export class LlmHealth implements HealthCheck {
  readonly name = 'llm' as const;

  async check(): Promise<DependencyHealth> {
    return { status: 'not configured', detail: 'no model provider is wired yet' };
  }
}
