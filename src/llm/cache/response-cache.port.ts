/** Cache for deterministic model answers (temperature 0). Values are JSON strings. */
export interface ResponseCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}
