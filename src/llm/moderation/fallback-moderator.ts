import { ModerationUnavailableError } from './moderation-unavailable.error';
import type { ModerationDirection, ModerationVerdict, Moderator } from '../../ports/moderation.port';

/**
 * The provider's endpoint when it answers, the local classifier when it does not: a turn is
 * never let through unmoderated and never fails just because moderation is down. Only
 * ModerationUnavailableError falls back; any other error is a bug and propagates.
 */
export class FallbackModerator implements Moderator {
  constructor(
    private readonly primary: Moderator,
    private readonly fallback: Moderator,
    /** Told of each fallback, for logs and metrics. */
    private readonly onFallback?: (error: ModerationUnavailableError, direction: ModerationDirection) => void,
  ) {}

  async moderate(text: string, direction: ModerationDirection): Promise<ModerationVerdict> {
    try {
      return await this.primary.moderate(text, direction);
    } catch (error) {
      if (!(error instanceof ModerationUnavailableError)) throw error;
      this.onFallback?.(error, direction);
      return this.fallback.moderate(text, direction);
    }
  }
}
