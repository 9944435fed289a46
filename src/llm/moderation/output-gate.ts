import type { ModerationVerdict, Moderator } from '../../ports/moderation.port';
import { OutputWindows, SENTENCE_WINDOWS } from './output-windows';
import { OutputWords } from './output-words';

/** How much released text goes with each check: a phrase split across releases is still seen whole. */
const CONTEXT_CHARS = 160;

/**
 * Word by word, text whose check fails may wait this many more words for ones that clear it:
 * "the chink" is cleared by "in the armour", "想死" by "你了", "ill kill you" by "lol". Past
 * that, or at the end of the stream, the failed check stands.
 */
const WORDS_TO_CLEAR = 8;

/** Cuts the model's text into the units that are checked and released together. */
export interface OutputUnits {
  /** The units this piece of text completes, in order. */
  push(text: string): string[];
  /** What is left when the stream ends ('' when nothing). */
  rest(): string;
}

/**
 * Output moderation as a stage of the stream: the model's text is held back in units (words or
 * sentences), each moderated before it is released, together with the text released just
 * before it, so a phrase split across releases is still seen whole. Text whose check fails is
 * never released. It may wait a few units for text that clears it (an idiom, a "lol"), and is
 * released with that text once the whole passes; otherwise the failed verdict stands, and
 * nothing more is released.
 */
export class OutputGate {
  /** The released text's tail, the context of the next check. */
  private released = '';
  /** Units whose check failed, waiting for units that may clear them (or, with none waiting, ''). */
  private held = '';
  /** Units that came after the held text first failed; null while nothing is held. */
  private waited: number | null = null;
  /** The verdict that stopped the stream, once there is one. */
  flagged: ModerationVerdict | null = null;

  constructor(
    private readonly moderator: Moderator,
    private readonly units: OutputUnits,
    /** How many units failed text may wait for ones that clear it (0: the first failed check stands). */
    private readonly unitsToClear: number,
  ) {}

  /**
   * For the in-process moderator (microseconds a check): every word is checked and released as
   * soon as it is complete, so the stream keeps the model's pace.
   */
  static wordByWord(moderator: Moderator): OutputGate {
    return new OutputGate(moderator, new OutputWords(), WORDS_TO_CLEAR);
  }

  /** For a moderation API (a round trip a check): sentence-sized windows, fewer calls. */
  static sentenceBySentence(moderator: Moderator): OutputGate {
    return new OutputGate(moderator, new OutputWindows(SENTENCE_WINDOWS), 0);
  }

  /** The part of the text so far that is checked and safe to release now ('' for none). */
  async pass(piece: string): Promise<string> {
    const units = this.units.push(piece);
    return units.length > 0 ? this.admit(units.join(''), units.length, false) : '';
  }

  /** At the end of the stream: what is still held, if it is safe. Nothing comes to clear it any more. */
  async end(): Promise<string> {
    const rest = this.units.rest();
    if (this.flagged || (!rest && !this.held)) return '';
    return this.admit(rest, 0, true);
  }

  /** Checks `text` (with any held text before it); `last`: no more text can come to clear it. */
  private async admit(text: string, units: number, last: boolean): Promise<string> {
    if (this.flagged) return '';
    const candidate = this.held + text;
    // Whitespace holds no text to flag; the next check reads it as context.
    if (!this.held && !/\S/.test(candidate)) return this.release(candidate);
    const verdict = await this.moderator.moderate(contextOf(this.released) + candidate, 'output');
    if (verdict.action === 'allow') return this.release(candidate);
    this.held = candidate;
    this.waited = this.waited === null ? 0 : this.waited + units;
    if (last || this.waited >= this.unitsToClear) this.flagged = verdict;
    return '';
  }

  private release(text: string): string {
    this.released = (this.released + text).slice(-2 * CONTEXT_CHARS);
    this.held = '';
    this.waited = null;
    return text;
  }
}

/**
 * The last CONTEXT_CHARS of released text, from a word start: a word cut in half by the slice
 * ("therapist" → "rapist") would be read as a word it is not.
 */
function contextOf(released: string): string {
  if (released.length <= CONTEXT_CHARS) return released;
  const tail = released.slice(-CONTEXT_CHARS);
  const cutWord = LATIN_WORD_CHAR.test(released[released.length - CONTEXT_CHARS - 1]!);
  return (cutWord ? tail.replace(LATIN_WORD_START, '') : tail).trimStart();
}

const LATIN_WORD_CHAR = /[\p{Script=Latin}\p{N}\p{M}'’]/u;
const LATIN_WORD_START = /^[\p{Script=Latin}\p{N}\p{M}'’]+/u;
