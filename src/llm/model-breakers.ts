import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleAll, type CircuitBreakerPolicy } from 'cockatiel';
import type { ModelRef } from './llm-settings';

/** One circuit breaker per model (cockatiel): opens after N consecutive failures, half-opens later. */
export class ModelBreakers {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();

  constructor(
    private readonly failures: number,
    private readonly halfOpenAfterMs: number,
  ) {}

  for(ref: ModelRef): CircuitBreakerPolicy {
    const key = `${ref.endpoint.name}/${ref.model}`;
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = circuitBreaker(handleAll, { halfOpenAfter: this.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.failures) });
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  /** Whether every model of a list is currently refusing calls. */
  allOpen(refs: ModelRef[]): boolean {
    return refs.length > 0 && refs.every((ref) => this.for(ref).state === CircuitState.Open);
  }
}
