import type { ModelPrice } from '../llm-settings';

/** Cost in USD of a call, from the configured price table (unknown models cost 0). */
export function costUsd(prices: Record<string, ModelPrice>, model: string, promptTokens: number, completionTokens: number): number {
  const price = prices[model];
  if (!price) return 0;
  return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}
