import type { DependencyHealth, DependencyName, HealthCheck } from '../ports/health-check.port';

export interface ReadinessReport {
  /** ready: all good; degraded: serving with a fallback; unavailable: cannot serve. */
  status: 'ready' | 'degraded' | 'unavailable';
  dependencies: Record<DependencyName, DependencyHealth>;
}

// Without Postgres nothing works; every other dependency has a fallback or fails open.
const CRITICAL: ReadonlySet<DependencyName> = new Set(['postgres']);

export async function checkReadiness(checks: HealthCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await c.check()] as const));
  const dependencies = Object.fromEntries(results) as Record<DependencyName, DependencyHealth>;
  const failing = results.filter(([, h]) => h.status === 'down' || h.status === 'degraded');
  const status = failing.some(([name, h]) => CRITICAL.has(name) && h.status === 'down')
    ? 'unavailable'
    : failing.length > 0
      ? 'degraded'
      : 'ready';
  return { status, dependencies };
}
