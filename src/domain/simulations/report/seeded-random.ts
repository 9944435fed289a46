import { SeededRandom } from '../../../kernel/simulation/scenarios/seeded-random';

/**
 * The report's only source of randomness: reports must be byte-identical for the same seed
 * and inputs, so nothing in them may touch Math.random. Same generator as the scenarios'.
 */
export type RandomSource = () => number;

/** Uniform draws in [0, 1), fully determined by `seed`. */
export function seededRandom(seed: string): RandomSource {
  const random = new SeededRandom(seed);
  return () => random.next();
}

/**
 * One seed per purpose (a dimension, a scenario...) from the report seed. JSON keeps the parts
 * apart, so ("a:b", "c") and ("a", "b:c") cannot collide the way a plain join would.
 */
export function deriveSeed(...parts: readonly string[]): string {
  return JSON.stringify(parts);
}
