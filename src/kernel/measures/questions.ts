/**
 * Questions per speaker: how often they ask, how often they follow up on what the other just
 * said, and how often the other answers. Text heuristics for English, Chinese and mixed chat,
 * not a parser; each rule below says what it catches and what it deliberately leaves out.
 *
 * A message is read as sentences (split at . ! ? 。！？ … ; ～, line breaks and emoji) and each
 * sentence as clauses (split at commas and colons). A clause is a question when its sentence ends in ?/？
 * or when it has an interrogative form, because chat often drops the question mark:
 *
 * - English: a wh-word followed by an auxiliary or a fixed partner ("what time", "how come",
 *   "why …", "what's"), so exclamations ("what a day", "how nice") and subordinate clauses
 *   ("when I got home") are not questions; an inverted auxiliary before a subject ("do you",
 *   "is it", "can we"; do/did only before a person, so "did it!" is not); "you ok", "wanna",
 *   "any news", "shall we"; "tell me more" (a request for more, which is what a question is
 *   for here); a tag after a comma (", right").
 * - Chinese: 吗 at the end of a clause (not 吗啡); 干嘛; a short clause ending in 呢 (你呢,
 *   然后呢, 那工作呢) but not the progressive 呢 (我在吃饭呢, 还没呢); wh-words 什么/啥/怎么/怎样/
 *   咋/为何/哪/谁/多少/多久/几点/几号/第几 unless indefinite (什么都行, 谁也, 没什么, 不怎么,
 *   随便你怎么想, 不知道为什么, 什么的, 哪怕); A-not-A (去不去, 好不好, 是不是, 有没有, 喜不喜欢)
 *   except 动不动 and 不管是不是; 对吧/是吧/没事吧. Every other 吧 is a suggestion or a softener
 *   (走吧, 好吧, 算了吧), not a question. Alternative questions with 还是 are not detected.
 */
import { countMeasure, rateMeasure, type PreparedConversation, type PreparedMessage } from './conversation';
import type { QuestionMeasures } from './conversation-measures';

export interface QuestionOptions {
  /** A silence this long (minutes) ends a conversation: a reply after it answers nothing (default 360). */
  gapMinutes?: number;
}

/** A comma-level piece of a message and how it reads. */
interface Clause {
  /** Character offsets in the message text, and the text between them. */
  start: number;
  end: number;
  text: string;
  question: boolean;
  /** Asks by its form (a wh-word, 吗, an inverted auxiliary), not only by a question mark. */
  cued: boolean;
  /** An open (wh-) question: a bare "ok" does not answer it. */
  wh: boolean;
}

/**
 * Sentences end at a run of . ! ? 。！？ … ; ～ line breaks and emoji (chat uses emoji as full
 * stops: symbols U+2300–27BF, U+2B00–2BFF and the surrogate pairs of U+1F000–1FAFF); clauses
 * end at commas and colons. Group 1 is a sentence end, otherwise a clause separator.
 */
const BOUNDARY = /((?:[.!?。！？\n…;；~～\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]|[\ud83c-\ud83e][\udc00-\udfff])+)|[,，、:：]/g;
const QUESTION_MARK = /[?？]/;
const HAN = /[\u3400-\u9fff]/;
const ASCII_LETTER = /[A-Za-z]/;
const WORDISH = /[\p{L}\p{N}]/u;

const AUX_WORDS = "is|are|was|were|am|can|could|would|will|should|shall|may|might|have|has|had|isn't|aren't|wasn't|weren't|can't|couldn't|wouldn't|won't|shouldn't|haven't|hasn't";
const DO_WORDS = "do|does|did|don't|doesn't|didn't";
const SUBJECT = "you|u|ya|y'all|we|i|he|she|it|they|there|this|that|the|your|my|our|his|her|their|anyone|anybody|someone|everything|everyone";
const EN_FILLERS = new Set(['ok', 'okay', 'so', 'and', 'but', 'hey', 'well', 'oh', 'um', 'umm', 'hmm', 'hmmm', 'wait', 'then', 'also', 'btw', 'anyway', 'babe', 'honey', 'lol', 'ha', 'haha', 'hahaha']);
const EN_FILLER = /^(?:(?:ok(?:ay)?|so|and|but|hey|well|oh|um+|hmm+|wait|then|also|btw|anyway|babe|honey|lol|(?:ha)+h?)\s+)+/;
/** First words that can open a question; only clauses starting with one are tested further. */
const EN_OPENERS = new Set(
  `what|how|where|who|when|why|which|whose|${AUX_WORDS}|${DO_WORDS}|you|u|wanna|want|shall|should|any|tell`.split('|'),
);
const EN_OPENING = new RegExp(
  [
    "^(?:what|how|where|who|when|why|which)(?:'s|'re|'d|'ll|'ve)\\b",
    '^why\\b',
    '^how (?:come|about|long|many|much|often|far|old|so|else)\\b',
    '^what (?:about|if|else|time|kind|sort|type|happened|now|for)\\b',
    '^which (?:one|ones|way|day)\\b',
    `^(?:what|how|where|who|when|which) (?:${AUX_WORDS}|${DO_WORDS})\\b`,
    // "which slide did she like", "what movie are we seeing"
    `^(?:what|which|whose|how many|how much) (?:[\\w']+ ){1,2}(?:${AUX_WORDS}|${DO_WORDS})\\b`,
    // do/did only before a person, so "did it!" and "do that again" are not questions
    `^(?:${DO_WORDS}) (?:you|u|ya|y'all|we|i|he|she|they|your|anyone|anybody)\\b`,
    `^(?:${AUX_WORDS}) (?:${SUBJECT})\\b`,
    '^(?:you|u) (?:ok|okay|alright|there|up|free|home|awake|sure|coming)\\b',
    '^(?:wanna|want to|want me to|shall we|should we|any (?:idea|news|plans|luck|update))\\b',
    '^tell me (?:more|about)\\b',
  ].join('|'),
);
const EN_WH = /^(?:what|how|where|who|when|why|which|whose)\b/;
const EN_TAG = /^(?:right|isn't it|aren't you|don't you think|won't you|didn't you)$/;

/** Chinese clauses without one of these characters cannot match a Chinese question form. */
const ZH_TRIGGER = /[吗嘛呢什啥怎咋何哪谁多几不没吧说讲]/;
const ZH_WH = /什么|啥|怎么|怎样|咋|为何|哪|谁|多少|多久|几[点号岁时]|第几/g;
const ZH_EMBEDDING = /随便|不管|无论|不论|不知道|不清楚|不明白/;
const ZH_A_NOT_A = /([\u3400-\u9fff])[不没]\1/g;
const ZH_MA = /吗(?![\u3400-\u9fff])|干[嘛吗]/;
const ZH_BA = /(?:对|(?<!就)是|没事)吧(?![\u3400-\u9fff])/;
const ZH_TELL = /^\s*(?:说说|讲讲|说来听听)/;

/** Whole-clause dismissals: a reply made only of these answers nothing. */
const EN_NON_ANSWER = /^(?:idk|dunno|i dunno|i don't know|no idea|whatever(?: you (?:want|say|think))?|who cares|(?:it )?doesn't matter|nothing to say|no comment|never ?mind|nvm|forget it|leave me alone|drop it|not now|not telling|none of your business)$/;
const ZH_NON_ANSWER = /^(?:不知道|不清楚|随便.*|无所谓|没什么好说的?|没啥好说的?|懒得说|不想说|别问了|关你什么事|关你屁事|你管我|你别管|再说吧?|算了吧?|呵呵+)[啊呀啦哦诶吧了]*$/;
/** Acknowledgements: they answer "are you coming?" but not "what time?". */
const EN_ACK = /^(?:ok(?:ay)?|k+|fine|sure|yeah|yea|yep|yup|ya|mhm+|mm+|hm+|alright|cool|nice|oh|oh ok|oh cool|right|i see|got it|noted)$/;
const ZH_ACK = /^(?:嗯+|哦+|噢+|喔+|好|好的|好吧|行|行吧|知道了|收到)[啊呀啦吧]*$/;
const LAUGH = /\b(?:(?:ha)+h?|(?:he){2,}|lo+l|lmao+|xd+)\b|哈{2,}|呵{2,}|嘿{2,}/g;

function lower(text: string): string {
  const l = text.toLowerCase();
  return l.includes('’') || l.includes('‘') ? l.replace(/[‘’]/g, "'") : l;
}

/** The clause's first Latin word, lower-cased ("" when none). */
function firstWord(text: string): string {
  let start = 0;
  while (start < text.length && !isAsciiLetter(text.charCodeAt(start))) start += 1;
  let end = start;
  while (end < text.length && (isAsciiLetter(text.charCodeAt(end)) || text[end] === "'" || text[end] === '’')) end += 1;
  const word = text.slice(start, end).toLowerCase();
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

const NOT_ASKED = 0;
const ASKED = 1;
const ASKED_OPEN = 2;

/** NOT_ASKED, ASKED, or ASKED_OPEN (a wh-question) by the English openings above. */
function englishCue(text: string, afterComma: boolean): number {
  // Cheap exit first: most clauses open with a word that cannot start a question.
  let first = firstWord(text);
  if (!afterComma && !EN_FILLERS.has(first) && !EN_OPENERS.has(first.replace(/'(?:s|re|d|ll|ve)$/, ''))) return NOT_ASKED;
  let s = lower(text).replace(/^[^a-z]+/, '');
  if (EN_FILLERS.has(first)) {
    s = s.replace(EN_FILLER, '');
    first = firstWord(s);
  }
  if (afterComma && s.length <= 20 && EN_TAG.test(s.replace(/[^a-z' ]/g, '').trim())) return ASKED;
  // After a comma "which would …" / "who is …" is a relative clause, not a question.
  if (afterComma && (first === 'which' || first === 'who')) return NOT_ASKED;
  if (!EN_OPENERS.has(first.replace(/'(?:s|re|d|ll|ve)$/, ''))) return NOT_ASKED;
  s = s.replace(/\s+/g, ' ');
  if (!EN_OPENING.test(s)) return NOT_ASKED;
  return EN_WH.test(s) ? ASKED_OPEN : ASKED;
}

/** A wh-word used as a question word, not as "anything/nobody" (什么都行) or embedded (不知道为什么). */
function chineseWh(s: string): boolean {
  for (const m of s.matchAll(ZH_WH)) {
    const at = m.index ?? 0;
    const word = m[0];
    const before = s.slice(0, at);
    const after = s.slice(at + word.length);
    if (/[没不别]$/.test(before) && word !== '谁') continue;
    if (ZH_EMBEDDING.test(before)) continue;
    if (/^[里儿个些天家种]?[都也]/.test(after)) continue;
    if (word === '什么' && after.startsWith('的')) continue;
    if (word === '哪' && /^[怕有]/.test(after)) continue; // 哪怕 = even if; 我哪有 = I never
    if (word === '多少' && (/[多或]$/.test(before) || after.startsWith('有'))) continue;
    return true;
  }
  return false;
}

function chineseANotA(s: string): boolean {
  for (const m of s.matchAll(ZH_A_NOT_A)) {
    const at = m.index ?? 0;
    const verb = m[1];
    if (verb === '不' || verb === '没' || verb === '动') continue;
    if (verb === '有' && s[at - 1] === '没') continue; // 没有没有 = "no, no"
    if (/不管|无论|不论/.test(s.slice(0, at))) continue;
    return true;
  }
  return false;
}

/** A short clause ending in 呢 asks (你呢, 那工作呢); a longer one or one with 在/着/没/还 is progressive. */
function chineseNe(s: string): boolean {
  const body = s.replace(/[^\u3400-\u9fffA-Za-z0-9]+$/, '');
  if (!body.endsWith('呢')) return false;
  const head = body.slice(0, -1).replace(/^\s*(?:那么|那|啊|哦|诶|欸)/, '');
  let han = 0;
  for (const ch of head) if (HAN.test(ch)) han += 1;
  return head.trim().length > 0 && han <= 4 && head.length <= 12 && !/[没着在正还]/.test(head);
}

function chineseCue(s: string): number {
  if (chineseWh(s)) return ASKED_OPEN;
  return ZH_MA.test(s) || chineseNe(s) || chineseANotA(s) || ZH_BA.test(s) || ZH_TELL.test(s) ? ASKED : NOT_ASKED;
}

/** A clause as its words read; readMessage marks it a question too when its sentence ends in ?/？. */
function readClause(message: string, start: number, end: number, afterComma: boolean): Clause {
  const text = message.slice(start, end);
  let cue = ASCII_LETTER.test(text) ? englishCue(text, afterComma) : NOT_ASKED;
  if (cue === NOT_ASKED && HAN.test(text) && ZH_TRIGGER.test(text)) cue = chineseCue(text);
  return { start, end, text, question: cue !== NOT_ASKED, cued: cue !== NOT_ASKED, wh: cue === ASKED_OPEN };
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k += 1) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x3000) return true;
  }
  return false;
}

/** The message's clauses, in order; a message of nothing but "??" is one empty question clause. */
function readMessage(text: string): Clause[] {
  const clauses: Clause[] = [];
  let sentence = 0; // index of the open sentence's first clause
  let clauseStart = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    if (hasContent(text, clauseStart, m.index)) clauses.push(readClause(text, clauseStart, m.index, clauses.length > sentence));
    clauseStart = m.index + m[0].length;
    if (m[1] === undefined) continue;
    // A question mark ending the sentence makes each of its clauses a question.
    if (QUESTION_MARK.test(m[1])) {
      if (clauses.length === sentence) clauses.push(readClause(text, m.index, m.index, false));
      for (let k = sentence; k < clauses.length; k += 1) clauses[k].question = true;
    }
    sentence = clauses.length;
  }
  if (hasContent(text, clauseStart, text.length)) clauses.push(readClause(text, clauseStart, text.length, clauses.length > sentence));
  return clauses;
}

/** True when the message asks something (see the heuristic at the top of this file). */
export function isQuestion(message: PreparedMessage): boolean {
  return readMessage(message.text).some((c) => c.question);
}

/** Letters and digits only, laughter removed: what the dismissal and acknowledgement lists compare against. */
function bare(text: string): string {
  return lower(text).replace(LAUGH, ' ').replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** How much a reply clause answers: 0 nothing (a question, a dismissal, no words), 1 an acknowledgement, 2 content. */
function answerWeight(c: Clause): number {
  if (c.question || !WORDISH.test(c.text)) return 0;
  if (c.text.length > 24) return 2; // dismissals and acknowledgements are short
  const plain = bare(c.text);
  const joined = plain.replace(/ /g, '');
  if (EN_NON_ANSWER.test(plain) || ZH_NON_ANSWER.test(joined)) return 0;
  return plain === '' || EN_ACK.test(plain) || ZH_ACK.test(joined) ? 1 : 2;
}

// --- Follow-up questions -----------------------------------------------------------------

/** Whole-clause follow-up forms (after fillers such as "oh", "wait", 那, 啊 are stripped). */
const EN_FOLLOW_UP = new Set([
  'really', 'for real', 'why', 'why not', "why's that", 'why so', 'why though', 'how come', 'how so',
  'what happened', 'then', 'then what', 'and', 'so', 'what do you mean', 'what does that mean',
  'like what', 'such as', 'what else', 'tell me more', 'how was it', 'how did it go', 'how did that go',
  "how'd it go", "how'd that go", 'what was it like', 'no way', 'is that so', "what's wrong", "what's the matter",
]);
const ZH_FOLLOW_UP = new Set([
  '真的吗', '真的假的', '真的', '是吗', '是嘛', '为什么', '为啥', '怎么了', '咋了', '怎么回事', '然后', '后来',
  '结果', '怎么样', '咋样', '什么意思', '怎么说', '比如', '怎么会', '怎么会这样', '不会吧', '什么情况', '啥情况',
]);

function isFollowUpForm(text: string): boolean {
  if (text.length > 24) return false; // the forms are short; a long clause is not one
  const l = lower(text);
  if (ASCII_LETTER.test(l)) {
    const latin = bare(l.replace(/[\u3400-\u9fff]+/g, ' ')).replace(/^(?:(?:oh|wow|wait|omg|ooh|hmm+|aw+|hey)\b\s*)+/, '');
    if (latin !== '' && EN_FOLLOW_UP.has(latin.replace(EN_FILLER, ''))) return true;
  }
  if (!HAN.test(l)) return false;
  const han = (l.match(/[\u3400-\u9fff]+/g) ?? []).join('').replace(/^[那啊哦诶欸哇所以]+/, '').replace(/[啊呀啦哈呢]+$/, '');
  if (han === '') return false;
  if (ZH_FOLLOW_UP.has(han)) return true;
  const half = han.slice(0, han.length / 2);
  return han.length % 2 === 0 && half + half === han && ZH_FOLLOW_UP.has(half); // 怎么样怎么样
}

const EN_STOP = new Set(
  (
    "the a an and or but so if then than that this these those there here it its it's is are was were be been being am " +
    "do does did done doing have has had having will would can could should shall may might must not no yes yeah yep ok okay " +
    "i me my mine myself you your yours yourself he him his she her hers it we us our ours they them their what who whom " +
    'which when where why how all any some each every both few more most much many very too also just only really actually ' +
    "still even again already now today tonight tomorrow yesterday about with from into onto for of on in at by to up down " +
    "out off over under after before while because as like get got gets getting go goes going gone went gonna wanna want " +
    'know think say said tell told see let make made come came take took give thing things something anything nothing ' +
    "one ones way lot bit well oh hey lol haha omg wow sure right good great fine i'm you're don't didn't can't it's that's " +
    "what's i'll you'll we're they're i've you've won't isn't aren't wasn't doesn't wouldn't couldn't shouldn't"
  ).split(' '),
);
const ZH_STOP = new Set(
  (
    '我 你 您 他 她 它 我们 你们 他们 她们 咱们 咱 自己 的 地 得 了 着 过 吗 呢 吧 啊 呀 啦 哦 嗯 哈 哈哈 呵呵 嘛 喔 噢 哎 诶 欸 ' +
    '是 在 有 和 跟 与 也 都 就 才 又 还 再 很 太 挺 好 真 真的 最 更 不 没 没有 别 这 那 这个 那个 这样 那样 这么 那么 ' +
    '什么 怎么 怎么样 为什么 谁 哪 哪里 哪儿 几 多少 一 一个 一下 一点 个 些 要 会 能 想 去 来 说 看 做 让 给 把 被 对 ' +
    '从 到 向 上 下 里 但是 但 可是 所以 因为 如果 然后 就是 还是 而且 或者 觉得 知道 可以 已经 今天 明天 昨天 现在 ' +
    '刚才 刚刚 晚上 早上 下午 上午 中午 时候 感觉 其实 有点 一起'
  ).split(' '),
);
const LAUGH_WORD = /^(?:(?:ha)+h?|(?:he){2,}|lo+l|lmao+|xd+|哈+|呵+|嘿+)$/;

/** The word as overlap compares it (light English stemming), or null for a function word. */
function contentKey(word: string): string | null {
  if (LAUGH_WORD.test(word)) return null;
  if (HAN.test(word)) return ZH_STOP.has(word) ? null : word;
  if (EN_STOP.has(word) || (word.length < 3 && !/^\d+$/.test(word))) return null;
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

/** Content words of each question clause of the message (by clause index). */
function questionContent(m: PreparedMessage, clauses: readonly Clause[], keyOf: (word: string) => string | null): Map<number, string[]> {
  const lower = m.text.toLowerCase();
  const byClause = new Map<number, string[]>();
  let cursor = 0;
  let c = 0;
  for (const word of m.words) {
    const at = lower.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    while (c < clauses.length && clauses[c].end <= at) c += 1;
    const key = keyOf(word);
    if (key === null || c === clauses.length || !clauses[c].question || at < clauses[c].start) continue;
    const list = byClause.get(c) ?? [];
    list.push(key);
    byClause.set(c, list);
  }
  return byClause;
}

/** Reads the conversation once; follow-ups and answers are worked out only where a question needs them. */
class QuestionReader {
  readonly clauses: Clause[][];
  readonly gapBefore: boolean[];
  /** Last index of each message's run (consecutive messages by one side, no gap inside). */
  private readonly runEnd: Int32Array;
  private readonly keys: Array<Set<string> | undefined>;
  /** contentKey per distinct word: a chat repeats its vocabulary. */
  private readonly keyOf = new Map<string, string | null>();
  private readonly replyWeight: Int8Array;

  constructor(
    private readonly conv: PreparedConversation,
    gapMs: number,
  ) {
    const msgs = conv.messages;
    this.clauses = msgs.map((m) => readMessage(m.text));
    this.gapBefore = msgs.map((m, i) => i > 0 && msgs[i - 1].sentAt !== null && m.sentAt !== null && m.sentAt - msgs[i - 1].sentAt! >= gapMs);
    this.runEnd = new Int32Array(msgs.length);
    for (let i = msgs.length - 1; i >= 0; i -= 1) {
      const joins = i + 1 < msgs.length && msgs[i + 1].side === msgs[i].side && !this.gapBefore[i + 1];
      this.runEnd[i] = joins ? this.runEnd[i + 1] : i;
    }
    this.keys = new Array(msgs.length);
    this.replyWeight = new Int8Array(msgs.length).fill(-1);
  }

  key(word: string): string | null {
    let key = this.keyOf.get(word);
    if (key === undefined) {
      key = contentKey(word);
      this.keyOf.set(word, key);
    }
    return key;
  }

  private contentKeys(i: number): Set<string> {
    let keys = this.keys[i];
    if (!keys) {
      keys = new Set();
      for (const w of this.conv.messages[i].words) {
        const key = this.key(w);
        if (key !== null) keys.add(key);
      }
      this.keys[i] = keys;
    }
    return keys;
  }

  /**
   * A follow-up (Huang et al. 2017, hand-coded there; this is an automatic approximation): a
   * question whose previous message or the one before is by the other, with no conversation
   * gap in between, and that either has a follow-up form ("really?", "how come", 真的吗, 然后呢)
   * or has a question clause sharing a content word with the other's message(s) ("I tried the
   * new ramen place" → "was the ramen good?"). A bare echo, a clause marked only by "?" whose
   * every content word repeats the other ("lazy?", 我唠叨？), is a retort rather than interest
   * and does not count; nor do mirror questions ("and you?", 你呢), which share nothing.
   */
  isFollowUp(i: number): boolean {
    const msgs = this.conv.messages;
    const prompts: number[] = [];
    for (let k = i - 1; k >= Math.max(0, i - 2) && !this.gapBefore[k + 1]; k -= 1) {
      if (msgs[k].side !== msgs[i].side) prompts.push(k);
    }
    if (prompts.length === 0) return false;
    const own = this.clauses[i];
    if (own.some((c) => c.question && isFollowUpForm(c.text))) return true;
    for (const [c, words] of questionContent(msgs[i], own, (w) => this.key(w))) {
      const shared = words.filter((w) => prompts.some((k) => this.contentKeys(k).has(w))).length;
      if (shared > 0 && (own[c].cued || shared < words.length)) return true;
    }
    return false;
  }

  /**
   * A question by X is answered when the other's run of messages right after X's run (their
   * consecutive messages, before the conversation goes silent for `gapMinutes`) has a clause
   * that is neither a question nor a dismissal ("idk", "whatever", 不知道, 随便, 关你什么事). For
   * an open (wh-) question a bare acknowledgement ("ok", "yeah", 嗯, 哦, a laugh) is not an
   * answer; for a yes/no question it is. Every question in X's run shares that reply, so "how
   * was work? did you eat?" → "good, yes" answers both. Whether the reply is on topic is not judged.
   */
  isAnswered(i: number): boolean {
    const msgs = this.conv.messages;
    const j = this.runEnd[i] + 1;
    if (j >= msgs.length || this.gapBefore[j] || msgs[j].side === msgs[i].side) return false;
    if (this.replyWeight[j] < 0) {
      let weight = 0;
      for (let k = j; k <= this.runEnd[j] && weight < 2; k += 1) {
        for (const c of this.clauses[k]) {
          weight = Math.max(weight, answerWeight(c));
          if (weight === 2) break; // content: nothing can weigh more
        }
      }
      this.replyWeight[j] = weight;
    }
    const open = this.clauses[i].some((c) => c.question && c.wh);
    return this.replyWeight[j] >= (open ? 2 : 1);
  }
}

/** Per side: question rate, follow-up questions and questions answered (value null when n = 0). */
export function questionMeasures(conv: PreparedConversation, options: QuestionOptions = {}): [QuestionMeasures, QuestionMeasures] {
  const reader = new QuestionReader(conv, (options.gapMinutes ?? 360) * 60_000);
  const sides = [0, 1].map(() => ({ all: [] as PreparedMessage[], asked: [] as PreparedMessage[], followUps: [] as PreparedMessage[], answered: [] as PreparedMessage[] }));
  conv.messages.forEach((m, i) => {
    const side = sides[m.side];
    side.all.push(m);
    if (!reader.clauses[i].some((c) => c.question)) return;
    side.asked.push(m);
    if (reader.isFollowUp(i)) side.followUps.push(m);
    if (reader.isAnswered(i)) side.answered.push(m);
  });
  const measures = sides.map(
    (s): QuestionMeasures => ({
      questionRate: rateMeasure(s.all, s.asked),
      followUpQuestions: { ...countMeasure(s.asked, s.followUps), value: s.asked.length === 0 ? null : s.followUps.length },
      questionsAnswered: rateMeasure(s.asked, s.answered),
    }),
  );
  return [measures[0], measures[1]];
}
