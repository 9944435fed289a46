/** How closely a persona's simulated replies match what the person really wrote (measured on held-out exchanges). */
export interface Fidelity {
  /** Closeness of simulated replies to what the person really wrote (0–1). */
  score: number;
  /** The same measure for a generic persona with no profile: what `score` must beat. */
  baseline: number;
  sampleSize: number;
}
