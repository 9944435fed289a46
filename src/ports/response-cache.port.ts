/** Cache for deterministic model answers (temperature 0). Values are JSON strings. */
export interface ResponseCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Erasure: drops every answer cached for the user's calls (keys made by responseCacheKey with their id). */
  forgetUser(userId: string): Promise<void>;
}
