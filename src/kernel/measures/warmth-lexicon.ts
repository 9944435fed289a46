/**
 * Word lists for the warmth and rapport markers. The idea behind each is from the rapport
 * literature: Tickle-Degnen & Rosenthal's (1990) mutual attentiveness and positivity,
 * Reis & Shaver's intimacy model (self-disclosure met by responsiveness), Gottman's fondness
 * and admiration, and the "we-talk" studies (Seider et al. 2009: first-person plural in
 * couples' talk goes with better outcomes). Stated word lists, not a model; syntax in
 * marker-pattern.ts.
 */
import { hanClause, markerPattern } from './marker-pattern';

/** Gratitude. Not "no thanks" (a refusal, counted as disagreement) nor "thanks for nothing". */
export const GRATITUDE = markerPattern(
  [
    `(?<!no,? )(?:thanks|thank you|thank u|thx|thnx|ty|tysm|tyvm)(?! for nothing)`,
    `appreciate(?:d|s)?`, `grateful`,
  ],
  ['谢谢', '多谢', '感谢', '辛苦了', '谢啦', '谢了', '感恩'],
);

/**
 * Apology, owning a lapse. Not sympathy ("sorry to hear that", "sorry for your loss") nor the
 * non-apology "sorry you feel that way".
 */
export const APOLOGY = markerPattern(
  [
    `(?<!not )(?:sorry|sry|soz)(?! (?:to hear|for your loss|about your|you feel|if you feel|you think))`,
    `apologi[sz]e`, `apologies`, `my bad`, `forgive me`,
  ],
  ['对不起', '抱歉', '不好意思', '我错了', '原谅我'],
);

/**
 * Agreement (Gottman's "accepting influence"; positivity in the rapport literature). "sure"
 * only opening a message (elsewhere it is "not sure", "make sure"); 对 / 可以 / 好 only as a clause
 * of their own ("对啊", "可以的", not 对不起, 对面, 可以吗); not "yeah right" (sarcasm).
 */
export const AGREEMENT = markerPattern(
  [
    `ye+s+`, `yea+h*(?!,? right)`, `yep`, `yu+p`, `(?<!(?:n't|not|never|dis) )agree[ds]?`, `exactly`,
    `(?<!(?:not|n't|is it) )true`, `sounds (?:good|great|perfect|like a plan)`, `definitely(?! not)`, `absolutely(?! not)`,
    `of course(?! not)`, `totally`, `for sure`, `^[\\s\\p{P}]*(?:oh )?sure`,
    `(?:you're|you are|that's|that is) (?:so |totally |absolutely )?right`,
    `good (?:idea|point)`,
  ],
  ['是的', '没错', '(?<!不)同意', '好呀', '好啊', '好的', '好哒', '确实', '当然(?!不)', '对呀', hanClause(['对', '可以', '好'])],
);

/**
 * Disagreement, voiced: refusal or contradiction (a polite "no thanks" too). Chinese negations
 * only as a clause of their own or a set phrase: 不是 is everywhere in ordinary statements
 * (他不是学生), and 不是吧 / 不会吧 are surprise, not disagreement. English "no" only opening a
 * clause (not "no idea", "no problem", "no way", "oh no"); "but" only opening one.
 */
export const DISAGREEMENT = markerPattern(
  [
    // Each word before the look back at what precedes it (a leading lookbehind would run at
    // every position of every message).
    `no(?<=(?:^[\\s\\p{P}]*|[.!?;,]\\s*)no)(?! (?:problem|prob|worries|worry|biggie|doubt|matter|one|idea|wonder|rush|way|longer|more|big deal|need)(?![a-z]))`,
    `nope`, `nah`, `(?:i )?disagree`, `not really`, `i don't (?:think so|agree)`,
    `(?:that's |that is )?not (?:true|right(?! now)|what i)`, `(?:you're|you are|that's|that is) wrong`,
    `but(?<=(?:^[\\s\\p{P}]*|[.!?;]\\s*|(?:yeah|yes|ok|okay|sure|true),?\\s*)but)`,
  ],
  [
    '不对(?!劲)', '我不同意', '(?<![刚方])才不', '不是这样', '不是这个意思', '并不是', '不见得', '未必', '^[\\s\\p{P}]*(?:但是|可是|不过)',
    hanClause(['不是', '没有', '不行', '不要'], '啊呀的呢哦嘛啦'),
  ],
);

/**
 * Self-disclosure (Reis & Shaver; Altman & Taylor's social penetration): first-person
 * statements of feelings, experience, plans and the past. Also a bid for connection (bids.ts).
 */
export const SELF_DISCLOSURE = markerPattern(
  [
    `i (?:feel|felt)`,
    `i(?:'ve| have) (?:always|never|been (?:feeling|thinking|struggling|trying|going through))`,
    `when i was`,
    `(?:i'm|i am|i was|i've been) (?:(?:so|really|kind of|kinda|a bit|a little|pretty|very) )*(?:worried|scared|afraid|nervous|anxious|sad|lonely|stressed|proud|ashamed|embarrassed|hurt|upset|frustrated|excited|overwhelmed|depressed|homesick|insecure)`,
    `honestly,? i`, `to be honest`, `tbh`, `i used to`, `i grew up`, `i remember (?:when|how)`, `i never told`,
    `i (?:wish|hope|dream)`, `(?:i'm|i am) (?:planning|thinking (?:about|of))`, `i plan to`, `i(?:'ve| have) decided`,
    `my (?:dream|childhood|biggest fear)`,
  ],
  [
    '我觉得', '我感觉', '我小时候', '我其实', '说实话', '老实说', '不瞒你说', '我一直', '我以前', '我记得', '我希望', '我打算', '我梦想',
    '我(?:有点|好|很|真的|特别|超)?(?:担心|害怕|难过|紧张|孤独|焦虑|伤心|委屈|想家)',
  ],
);

/**
 * Affection (Gottman's fondness and admiration). Pet names that are also ordinary words
 * ("honey", "baby") only as a form of address: opening the message or after a comma or a
 * greeting. Not "I don't love you", 不爱你, 可爱你 (the end of 可爱), nor 想你 in "想你帮我"
 * ("want you to help me").
 */
export const AFFECTION = markerPattern(
  [
    `(?<!(?:n't|not|never) )(?:love|luv) (?:you|u|ya)`, `ily(?:sm)?`, `(?<!(?:n't|not|never) )miss (?:you|u|ya)`, `babe`,
    `sweetheart`, `sweetie`, `darling`, `xoxo`,
    `(?:honey|baby|love|dear)(?<=(?:^[\\s\\p{P}]*|[,，]\\s*|(?:hi|hey|morning|night|thanks|love you|miss you|ok|okay|sorry|yes|no)\\s+)[a-z]+)`,
  ],
  [
    '❤', '😘', '🥰', '😍', '💕', '💖', '💗', '💓', '💞', '😚', '(?<![不没可])爱你', '(?<![不没])想你(?:了|啦|呀|啊|哦)*(?!\\p{Script=Han})',
    '(?:好|很|超|太)想你', '宝贝', '宝宝', '亲爱的', '么么', '抱抱', '亲亲', '老公', '老婆',
  ],
);

/** We-talk: first person plural. "lets" without the apostrophe only when no object follows ("she lets me"). */
export const WE_TALK = markerPattern(
  [`we`, `us`, `our`, `ours`, `ourselves`, `let[’']s`, `lets(?! (?:me|him|her|them|you|it)(?![a-z]))`],
  ['我们', '咱', '俺们'],
);
