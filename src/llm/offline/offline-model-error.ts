const DEFAULT_ALTERNATIVES =
  'set OFFLINE_MODEL_PATH to any chat GGUF file you already have, or configure an API key for a hosted OpenAI-compatible model.';

/** A failure to provide the offline model, with the exact next step for the person reading it. */
export class OfflineModelError extends Error {
  constructor(problem: string, remedy: string, options?: { cause?: unknown; alternatives?: string }) {
    super(`${problem}\nWhat to do: ${remedy}\nAlternatives: ${options?.alternatives ?? DEFAULT_ALTERNATIVES}`, options);
    this.name = 'OfflineModelError';
  }
}
