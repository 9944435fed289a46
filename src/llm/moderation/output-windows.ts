/** How big the windows are. */
export interface WindowSizes {
  /** A window never ends before this many characters (a lone "Hi." is joined to what follows). */
  minChars: number;
  /** Past this many characters without a sentence or clause end, a window ends at its last space. */
  wordCutChars: number;
  /** A window never grows past this many characters (text without spaces is cut here). */
  maxChars: number;
}

/**
 * For a moderation API (a round trip a check): sentence-sized windows, fewer calls. (The
 * in-process moderator checks word by word instead; see OutputWords.)
 */
export const SENTENCE_WINDOWS: WindowSizes = { minChars: 24, wordCutChars: 120, maxChars: 160 };

/**
 * Sentence and clause ends: Latin punctuation before a space (so "3.5" or "e.g." mid-word is
 * no end), CJK punctuation anywhere, a line break.
 */
const BOUNDARY = /[.!?…,;:]+["'”’)]*\s+|[。！？；，、：]+["'”’）」』]*|\n+/g;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Cuts a streamed reply into windows for output moderation: each window is checked before
 * any of it is released to the client, so flagged text is never sent, while the client still
 * sees the reply arrive piece by piece rather than only at the end. Pure: `push` takes the
 * model's pieces and returns the windows that are complete; `rest` returns what is left when
 * the stream ends.
 */
export class OutputWindows {
  private pending = '';

  constructor(private readonly sizes: WindowSizes = SENTENCE_WINDOWS) {}

  push(text: string): string[] {
    this.pending += text;
    const ready: string[] = [];
    for (let cut = this.cutPoint(); cut !== null; cut = this.cutPoint()) {
      ready.push(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
    return ready;
  }

  /** The unfinished window at the end of the stream ('' when none). */
  rest(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  /** Where the first complete window ends, or null when none is complete yet. */
  private cutPoint(): number | null {
    const { minChars, wordCutChars, maxChars } = this.sizes;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(this.pending); m; m = BOUNDARY.exec(this.pending)) {
      const at = m.index + m[0].length;
      if (at > maxChars) break;
      if (at >= minChars) return at;
    }
    if (this.pending.length >= wordCutChars) {
      const space = this.pending.lastIndexOf(' ', Math.min(this.pending.length, maxChars) - 1);
      if (space + 1 >= minChars) return space + 1;
    }
    if (this.pending.length < maxChars) return null;
    // Never between the two halves of a surrogate pair (an emoji, a rare CJK character).
    return isHighSurrogate(this.pending.charCodeAt(maxChars - 1)) ? maxChars - 1 : maxChars;
  }
}
