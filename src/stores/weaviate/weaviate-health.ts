import type { DependencyHealth, HealthCheck } from '../../ports/health-check.port';

/** Weaviate readiness (long-term memory), via its readiness endpoint. */
export class WeaviateHealth implements HealthCheck {
  readonly name = 'weaviate' as const;

  constructor(private readonly url: string | undefined) {}

  async check(): Promise<DependencyHealth> {
    if (!this.url) return { status: 'not configured', detail: 'WEAVIATE_URL unset; memory uses PostgreSQL' };
    try {
      const res = await fetch(new URL('/v1/.well-known/ready', this.url), { signal: AbortSignal.timeout(2000) });
      return res.ok ? { status: 'ok', mode: 'external' } : { status: 'down', mode: 'external', detail: `HTTP ${res.status}` };
    } catch (err) {
      return { status: 'down', mode: 'external', detail: (err as Error).message.slice(0, 200) };
    }
  }
}
