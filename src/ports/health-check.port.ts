export type DependencyName = 'postgres' | 'redis' | 'mongodb' | 'weaviate' | 'llm';
export type DependencyStatus = 'ok' | 'degraded' | 'down' | 'not configured';

export interface DependencyHealth {
  status: DependencyStatus;
  /** Which implementation serves (e.g. "embedded", "external", "in-process"). */
  mode?: string;
  /** Short, non-secret reason when not ok. */
  detail?: string;
}

/** One dependency's readiness probe, reported by /readyz. Must answer within its own timeout. */
export interface HealthCheck {
  readonly name: DependencyName;
  check(): Promise<DependencyHealth>;
}
