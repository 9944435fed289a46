export type ModerationFailure = 'timeout' | 'network' | 'http' | 'malformed';

/**
 * The moderation provider could not give a verdict. Callers fall back to the local
 * classifier on this error (see FallbackModerator) rather than letting text through
 * unmoderated or failing the user's turn.
 */
export class ModerationUnavailableError extends Error {
  override readonly name = 'ModerationUnavailableError';

  constructor(
    readonly reason: ModerationFailure,
    message: string,
    /** The HTTP status, when the provider answered with one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
