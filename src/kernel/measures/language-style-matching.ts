/**
 * Language Style Matching (Ireland & Pennebaker 2010, JPSP 99(3); Ireland et al. 2011, Psych.
 * Science 22(1)): how alike two people use function words. Per category, with p1 and p2 the
 * percent of each person's words in it,
 *
 *     LSM_cat = 1 − |p1 − p2| / (p1 + p2 + 0.0001)
 *
 * and LSM is the mean over the nine categories. The 0.0001 is the published guard against an
 * empty category: when neither side used a category the formula gives 1 − 0/0.0001 = 1 (the two
 * match perfectly in not using it), and we keep that rather than dropping the category, so
 * scores stay comparable with the literature. Percentages are 0–100, as LIWC reports them.
 *
 * A side's words are its PreparedMessage.words, English and Chinese together, with glued Chinese
 * segments split as functionWordPieces documents (the pieces are counted on both sides of the
 * percentage). A category score, and LSM, are null when either side wrote no word: there is
 * nothing to compare.
 */
import type { PreparedConversation, PreparedMessage } from './conversation';
import { FUNCTION_WORD_CATEGORIES, type LanguageStyleMatching, type LsmCategoryScore, type LsmWindow } from './conversation-measures';
import { pieceMasks } from './function-words';

const CATEGORY_COUNT = FUNCTION_WORD_CATEGORIES.length;

/**
 * A tally is [words, count of category 0, …, count of category 8]. Messages' tallies sit in one
 * flat array (10,000 messages would otherwise be 10,000 small arrays for the collector).
 */
const STRIDE = CATEGORY_COUNT + 1;

function tallyInto(tallies: Int32Array, at: number, message: PreparedMessage): void {
  for (const word of message.words) {
    for (const mask of pieceMasks(word)) {
      tallies[at] += 1;
      if (mask === 0) continue;
      for (let bit = 0; bit < CATEGORY_COUNT; bit++) if (mask & (1 << bit)) tallies[at + 1 + bit] += 1;
    }
  }
}

/** The published per-category score. */
export function lsmCategoryScore(p1: number, p2: number): number {
  return 1 - Math.abs(p1 - p2) / (p1 + p2 + 0.0001);
}

/** Compares two tallies (side 0, side 1). */
function compare(side0: Float64Array, side1: Float64Array): { categories: LsmCategoryScore[]; value: number | null } {
  const comparable = side0[0] > 0 && side1[0] > 0;
  const categories = FUNCTION_WORD_CATEGORIES.map((category, i): LsmCategoryScore => {
    const percent: [number, number] = [
      side0[0] === 0 ? 0 : (100 * side0[i + 1]) / side0[0],
      side1[0] === 0 ? 0 : (100 * side1[i + 1]) / side1[0],
    ];
    return { category, score: comparable ? lsmCategoryScore(percent[0], percent[1]) : null, percent };
  });
  const value = comparable ? categories.reduce((sum, c) => sum + (c.score ?? 0), 0) / CATEGORY_COUNT : null;
  return { categories, value };
}

/** Sums the tallies of messages from … to (inclusive) per side. */
function sumSides(conv: PreparedConversation, tallies: Int32Array, from: number, to: number): [Float64Array, Float64Array] {
  const sides: [Float64Array, Float64Array] = [new Float64Array(STRIDE), new Float64Array(STRIDE)];
  for (let i = from; i <= to; i++) {
    const side = sides[conv.messages[i].side];
    for (let k = 0; k < STRIDE; k++) side[k] += tallies[i * STRIDE + k];
  }
  return sides;
}

export interface LsmOptions {
  /** Messages per window (default 20). */
  windowSize?: number;
}

export function languageStyleMatching(conv: PreparedConversation, options: LsmOptions = {}): LanguageStyleMatching {
  const windowSize = Math.max(1, Math.floor(options.windowSize ?? 20));
  const messages = conv.messages;
  const tallies = new Int32Array(messages.length * STRIDE);
  messages.forEach((m, i) => tallyInto(tallies, i * STRIDE, m));

  const overall = compare(...sumSides(conv, tallies, 0, messages.length - 1));

  const windows: LsmWindow[] = [];
  for (let from = 0; from < messages.length; from += windowSize) {
    const to = Math.min(from + windowSize, messages.length) - 1;
    windows.push({
      fromIndex: messages[from].index,
      toIndex: messages[to].index,
      firstMessageId: messages[from].id,
      lastMessageId: messages[to].id,
      value: compare(...sumSides(conv, tallies, from, to)).value,
    });
  }

  return {
    overall: { value: overall.value, n: messages.length, messageIds: [] },
    categories: overall.categories,
    windows,
  };
}
