/**
 * Word lists for the nine LIWC function-word categories that Language Style Matching compares
 * (Ireland & Pennebaker 2010; Ireland et al. 2011), in English and Chinese.
 *
 * LIWC's dictionaries are proprietary and none of them was copied. The English lists are
 * SoulLink's, written from the category definitions and examples in the LIWC2015 manual
 * (Pennebaker, Boyd, Jordan & Blackburn 2015, "The Development and Psychometric Properties of
 * LIWC2015", Table 1: ppron "I, them, her"; ipron "it, it's, those"; article "a, an, the"; prep
 * "to, with, above"; auxverb "am, will, have"; adverb "very, really"; conj "and, but, whereas";
 * negate "no, not, never"; quant "few, many, much") and filled out with the closed-class words of
 * English grammar and their chat spellings (im, dont, gonna). The Chinese lists are SoulLink's
 * too, following the same categories as the Chinese LIWC describes them (Huang, Chung, Hui, Lin,
 * Seih, Lam, Chen, Bond & Pennebaker 2012, "The Development of the Chinese Linguistic Inquiry and
 * Word Count Dictionary", Chinese Journal of Psychology 54(2), 185–201): seeded with
 * the textbook examples (我/你/他 personal pronouns; 这/那/什么 impersonal; 在/从/对 prepositions;
 * 是/会/能 auxiliaries; 很/太/就 adverbs; 和/但是/因为 conjunctions; 不/没/别 negations;
 * 一些/很多/所有 quantifiers) and extended by hand with Mandarin closed-class words.
 *
 * A word may sit in two categories, as in LIWC ("don't" is an auxiliary verb and a negation;
 * 不能 likewise; 都 is an adverb and a quantifier).
 *
 * Articles are English-only: Chinese has no articles (一个 is a numeral + classifier, 这个 a
 * demonstrative already counted as an impersonal pronoun), so no Chinese word is an article.
 * For two people writing Chinese both sides then have 0% articles, and the published formula
 * scores that category 1 − 0 / (0 + 0 + 0.0001) = 1: their overall LSM is pulled towards 1 by
 * (1 − mean of the other eight) / 9. Compare Chinese pairs with Chinese pairs.
 */
import { FUNCTION_WORD_CATEGORIES, type FunctionWordCategory } from './conversation-measures';
import { isHanWord } from './tokenize';

type Lists = Record<FunctionWordCategory, readonly string[]>;

const EN: Lists = {
  personalPronouns: [
    'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves',
    'you', 'your', 'yours', 'yourself', 'yourselves', 'u', 'ur', 'ya', "y'all", 'yall', 'thee', 'thou', 'thy',
    'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself',
    'they', 'them', 'their', 'theirs', 'themselves', "let's", 'lets',
    "i'm", 'im', "i've", 'ive', "i'll", "i'd", "you're", 'youre', "you've", "you'll", "you'd",
    "we're", "we've", "we'll", "we'd", "they're", 'theyre', "they've", "they'll", "they'd",
    "he's", "he'll", "he'd", "she's", "she'll", "she'd",
  ],
  impersonalPronouns: [
    'it', 'its', 'itself', "it's", "it'd", "it'll", 'this', 'that', "that's", 'thats', "that'll", "that'd",
    'these', 'those', 'what', "what's", 'whats', 'which', 'who', "who's", 'whom', 'whose',
    'whatever', 'whichever', 'whoever', 'whomever', 'anything', 'anybody', 'anyone',
    'everything', 'everybody', 'everyone', 'something', 'somebody', 'someone', 'nothing', 'nobody',
    'another', 'other', 'others',
  ],
  articles: ['a', 'an', 'the'],
  prepositions: [
    'about', 'above', 'across', 'after', 'against', 'along', 'amid', 'among', 'around', 'as', 'at',
    'before', 'behind', 'below', 'beneath', 'beside', 'besides', 'between', 'beyond', 'by', 'despite',
    'down', 'during', 'except', 'for', 'from', 'in', 'inside', 'into', 'near', 'of', 'off', 'on', 'onto',
    'out', 'outside', 'over', 'past', 'per', 'since', 'through', 'throughout', 'till', 'to', 'toward',
    'towards', 'under', 'underneath', 'unlike', 'until', 'unto', 'up', 'upon', 'via', 'with', 'within', 'without',
  ],
  auxiliaryVerbs: [
    'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having',
    'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'ought',
    'gonna', 'wanna', 'gotta', 'cannot',
    "i'm", 'im', "i've", 'ive', "i'll", "i'd", "you're", 'youre', "you've", "you'll", "you'd",
    "we're", "we've", "we'll", "we'd", "they're", 'theyre', "they've", "they'll", "they'd",
    "he's", "he'll", "he'd", "she's", "she'll", "she'd", "it's", "it'd", "it'll", "that's", 'thats',
    "that'll", "that'd", "what's", 'whats', "who's", "there's", "here's",
    'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt',
    'wouldnt', 'cant', 'couldnt', 'shouldnt', 'aint',
  ],
  adverbs: [
    'very', 'really', 'so', 'just', 'too', 'also', 'even', 'still', 'already', 'always', 'often', 'usually',
    'sometimes', 'quite', 'rather', 'almost', 'only', 'now', 'then', 'here', 'there', 'again', 'ever', 'yet',
    'soon', 'maybe', 'perhaps', 'probably', 'actually', 'totally', 'absolutely', 'definitely', 'especially',
    'simply', 'anyway', 'anyways', 'certainly', 'completely', 'seriously', 'literally', 'basically',
    'honestly', 'exactly', 'finally', 'suddenly', 'instead', 'later', 'quickly', 'slowly', 'else', 'how',
    'when', 'where', 'why', 'away', 'once', 'lately', 'nearly', 'hardly', 'barely', 'kinda', 'sorta',
    'somehow', 'somewhat', 'truly', 'fully', 'mostly', 'mainly', 'merely', 'apparently', 'obviously',
    'clearly', 'surely', 'forever',
  ],
  conjunctions: [
    'and', 'but', 'or', 'nor', 'so', 'because', 'cause', 'cuz', 'coz', 'though', 'although', 'tho',
    'while', 'whilst', 'whereas', 'if', 'unless', 'than', 'whether', 'plus', 'either', 'neither',
    'however', 'therefore', 'thus', 'hence', 'otherwise', 'yet', 'nevertheless', 'nonetheless',
    'meanwhile', 'whenever', 'wherever',
  ],
  negations: [
    'no', 'not', 'never', 'none', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'nope', 'nah', 'cannot',
    'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt',
    'wouldnt', 'cant', 'couldnt', 'shouldnt', 'aint',
    // Every "…n't" contraction is a negation and an auxiliary: see categoryMask.
  ],
  quantifiers: [
    'all', 'any', 'some', 'many', 'much', 'more', 'most', 'few', 'fewer', 'fewest', 'less', 'least',
    'lot', 'lots', 'alot', 'several', 'each', 'every', 'both', 'enough', 'half', 'whole', 'plenty',
    'bunch', 'couple', 'tons', 'none', 'entire', 'various', 'numerous',
  ],
};

/**
 * Simplified forms. Traditional forms are added from TRADITIONAL below, so 們/這/個/沒 match too.
 * Left out on purpose: 到 (mostly the verb "arrive" in chat), 有 (a verb of possession, unlike
 * English auxiliary "have"), 好 (an adjective far more often than the adverb "very").
 */
const ZH: Lists = {
  personalPronouns: [
    '我', '你', '您', '他', '她', '我们', '你们', '他们', '她们', '咱', '咱们', '俺', '俺们', '自己', '人家',
  ],
  impersonalPronouns: [
    '它', '它们', '这', '那', '这个', '那个', '这些', '那些', '这里', '那里', '这儿', '那儿', '这边', '那边',
    '这样', '那样', '什么', '啥', '哪', '哪个', '哪些', '哪里', '哪儿', '谁', '某', '某些', '某人', '有人',
    '别人', '别的', '其他', '其他人', '其它', '大家', '任何人', '一切',
  ],
  articles: [],
  prepositions: [
    '在', '从', '对', '向', '跟', '给', '把', '被', '于', '往', '朝', '为', '为了', '关于', '对于', '通过',
    '除了', '按照', '根据', '由', '离', '比', '自从', '沿着', '向着', '替', '跟着', '随着',
  ],
  auxiliaryVerbs: [
    '是', '会', '能', '要', '可以', '应该', '得', '了', '过', '着', '能够', '可能', '必须', '愿意', '敢', '将',
    '将要', '正在', '应当', '该', '不能', '不会', '不要', '不是', '没法',
  ],
  adverbs: [
    '很', '太', '非常', '真', '就', '才', '都', '也', '还', '又', '再', '已经', '刚', '刚才', '正', '只', '只是',
    '总是', '经常', '常常', '一直', '马上', '立刻', '终于', '其实', '确实', '真的', '特别', '比较', '挺', '最',
    '更', '越', '好像', '大概', '也许', '当然', '一定', '肯定', '差不多', '几乎', '稍微', '有点', '有点儿',
    '这么', '那么', '怎么', '为什么', '多么', '超', '超级', '蛮', '老是', '仍然', '依然', '突然', '反正',
    '到底', '究竟', '竟然', '居然', '简直', '恐怕', '难道', '并', '却', '倒',
  ],
  conjunctions: [
    '和', '与', '及', '以及', '但是', '但', '可是', '不过', '因为', '所以', '而且', '或者', '或', '还是', '如果',
    '要是', '虽然', '尽管', '然后', '而', '并且', '因此', '于是', '否则', '不然', '除非', '既然', '即使',
    '就算', '哪怕', '只要', '只有', '无论', '不管', '不但', '不仅', '然而', '同时',
  ],
  negations: [
    '不', '没', '没有', '别', '无', '非', '未', '不要', '不用', '甭', '莫', '勿', '不是', '不能', '不会',
    '没法', '无法', '从不', '并不', '从来没有', '决不', '绝不',
  ],
  quantifiers: [
    '一些', '很多', '所有', '每', '每个', '几', '几个', '都', '许多', '好多', '全部', '全', '一切', '任何',
    '多少', '一点', '一点儿', '有些', '有的', '部分', '大部分', '整个', '各', '各种', '各个', '一半', '每天',
    '每次', '不少', '大多', '大多数', '少数',
  ],
};

/** Simplified → traditional for the characters in the lists above that differ. */
const TRADITIONAL: Record<string, string> = {
  们: '們', 这: '這', 个: '個', 么: '麼', 对: '對', 从: '從', 会: '會', 该: '該', 过: '過', 着: '著',
  还: '還', 为: '為', 没: '沒', 无: '無', 几: '幾', 与: '與', 虽: '雖', 则: '則', 样: '樣', 里: '裡',
  儿: '兒', 关: '關', 于: '於', 据: '據', 经: '經', 终: '終', 刚: '剛', 马: '馬', 总: '總', 实: '實',
  确: '確', 较: '較', 许: '許', 当: '當', 简: '簡', 尽: '儘', 论: '論', 仅: '僅', 并: '並', 点: '點',
  种: '種', 数: '數', 边: '邊', 随: '隨', 将: '將', 应: '應', 难: '難', 级: '級', 决: '決', 绝: '絕',
  来: '來', 谁: '誰', 别: '別',
};

/**
 * Segments that Intl.Segmenter (ICU) glues a function word onto: "我不", "我没", "你要", "你在",
 * "我爱你", "很喜欢", "不知道", "每个人". When such a segment is not itself listed it is split
 * (see functionWordPieces) only at these edges, because splitting every segment that happens to
 * contain 在 or 对 would misread content words (对象 "partner", 才能 "talent").
 */
const SPLIT_PREFIXES = [
  '我们', '你们', '他们', '她们', '咱们', '我', '你', '您', '他', '她', '咱', '俺',
  '没有', '不', '没', '每个', '每', '很', '挺',
];
const SPLIT_SUFFIXES = ['你', '我', '您', '他', '她'];

let index: Map<string, number> | null = null;
let prefixes: string[] = [];
let suffixes: string[] = [];

function traditional(word: string): string {
  let out = '';
  for (const ch of word) out += TRADITIONAL[ch] ?? ch;
  return out;
}

/** Built on first use: word → bit set of its categories (bit i = FUNCTION_WORD_CATEGORIES[i]). */
function wordIndex(): Map<string, number> {
  if (index) return index;
  const built = new Map<string, number>();
  FUNCTION_WORD_CATEGORIES.forEach((category, bit) => {
    for (const word of EN[category]) built.set(word, (built.get(word) ?? 0) | (1 << bit));
    for (const word of ZH[category]) {
      for (const form of new Set([word, traditional(word)])) built.set(form, (built.get(form) ?? 0) | (1 << bit));
    }
  });
  prefixes = [...new Set(SPLIT_PREFIXES.flatMap((p) => [p, traditional(p)]))].sort((a, b) => b.length - a.length);
  suffixes = [...new Set(SPLIT_SUFFIXES.flatMap((p) => [p, traditional(p)]))];
  index = built;
  return built;
}

const NEGATED_AUX = (1 << FUNCTION_WORD_CATEGORIES.indexOf('auxiliaryVerbs')) | (1 << FUNCTION_WORD_CATEGORIES.indexOf('negations'));

/** Categories of one word (a piece from functionWordPieces) as a bit set; 0 for a content word. */
export function categoryMask(word: string): number {
  const w = word.includes('’') ? word.replace(/’/g, "'") : word;
  const mask = wordIndex().get(w);
  if (mask !== undefined) return mask;
  // Any English "…n't" contraction (hasn't, mightn't, needn't) is an auxiliary plus a negation.
  return w.endsWith("n't") ? NEGATED_AUX : 0;
}

/** The bit for a category in a categoryMask. */
export function categoryBit(category: FunctionWordCategory): number {
  return 1 << FUNCTION_WORD_CATEGORIES.indexOf(category);
}

/** Forward maximum matching into listed words only; null when some part is not listed. */
function listedPieces(word: string, known: Map<string, number>): string[] | null {
  const pieces: string[] = [];
  let i = 0;
  outer: while (i < word.length) {
    for (let len = Math.min(4, word.length - i); len >= 1; len--) {
      const piece = word.slice(i, i + len);
      if (known.has(piece)) {
        pieces.push(piece);
        i += len;
        continue outer;
      }
    }
    return null;
  }
  return pieces;
}

const CACHE_LIMIT = 20_000;
const splitCache = new Map<string, readonly string[]>();
const maskCache = new Map<string, readonly number[]>();

/**
 * The words LSM counts for one token. A Latin token or a listed Chinese word is itself. A Chinese
 * segment that is not listed is split when (1) it is made entirely of listed words (我不 → 我 不,
 * 也不 → 也 不, 都是 → 都 是), or (2) it starts with a pronoun, a negator, 每, 很 or 挺
 * (不知道 → 不 知道, 很喜欢 → 很 喜欢), or (3) it ends in a personal pronoun (爱你 → 爱 你).
 * The pieces count as words on both sides of the percentage, so a glued segment neither inflates
 * nor hides a category. Known misreadings are rare content words made of function characters
 * (才能 "talent" → 才 能; 对了 "right" → 对 了); they hit both speakers alike.
 */
export function functionWordPieces(word: string): readonly string[] {
  const known = wordIndex();
  if (known.has(word) || !isHanWord(word) || word.length < 2) return [word];
  const cached = splitCache.get(word);
  if (cached) return cached;
  const pieces = splitHan(word, known);
  if (splitCache.size >= CACHE_LIMIT) splitCache.clear();
  splitCache.set(word, pieces);
  return pieces;
}

/** categoryMask of each of functionWordPieces(word), cached: what LSM reads for one token. */
export function pieceMasks(word: string): readonly number[] {
  const cached = maskCache.get(word);
  if (cached) return cached;
  const masks = functionWordPieces(word).map(categoryMask);
  if (maskCache.size >= CACHE_LIMIT) maskCache.clear();
  maskCache.set(word, masks);
  return masks;
}

function splitHan(word: string, known: Map<string, number>): string[] {
  if (known.has(word) || word.length < 2) return [word];
  const listed = listedPieces(word, known);
  if (listed) return listed;
  const prefix = prefixes.find((p) => word.startsWith(p) && word.length > p.length);
  if (prefix) return [prefix, ...splitHan(word.slice(prefix.length), known)];
  const suffix = suffixes.find((s) => word.endsWith(s));
  if (suffix) return [...splitHan(word.slice(0, -suffix.length), known), suffix];
  return [word];
}
