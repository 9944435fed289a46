import type { ModerationVerdict, Moderator } from './moderation.port';
import { OutputWindows, type WindowSizes } from './output-windows';

/** How much released text goes with each window to its check: a phrase split across cuts is still seen whole. */
const CONTEXT_CHARS = 160;

/**
 * Output moderation as a stage of the stream: the model's text is held back in windows
 * (OutputWindows), each moderated before it is released; the first flagged window is never
 * released, nor anything after it. Each window is checked together with the text released
 * just before it, so a phrase split across a cut is still seen whole.
 */
export class OutputGate {
  private readonly windows: OutputWindows;
  private released = '';
  /** The verdict on the first window that was not allowed, once there is one. */
  flagged: ModerationVerdict | null = null;

  constructor(
    private readonly moderator: Moderator,
    sizes: WindowSizes,
  ) {
    this.windows = new OutputWindows(sizes);
  }

  /** The part of the text so far that is checked and safe to release now ('' for none). */
  async pass(piece: string): Promise<string> {
    let released = '';
    for (const window of this.windows.push(piece)) {
      if (!(await this.check(window))) break;
      released += window;
    }
    return released;
  }

  /** At the end of the stream: the last, unfinished window if it is safe. */
  async end(): Promise<string> {
    const rest = this.windows.rest();
    return rest && (await this.check(rest)) ? rest : '';
  }

  private async check(window: string): Promise<boolean> {
    if (this.flagged) return false;
    const verdict = await this.moderator.moderate(this.released.slice(-CONTEXT_CHARS) + window, 'output');
    if (verdict.action !== 'allow') {
      this.flagged = verdict;
      return false;
    }
    this.released += window;
    return true;
  }
}
