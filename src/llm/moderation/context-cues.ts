/**
 * Cues around a match that change how much it weighs.
 */

/**
 * Laughter and "just kidding" mark banter: "ill kill you if you eat my fries lol",
 * "再迟到我就杀了你哈哈". They only soften threats, insults and violence (see LocalModerator);
 * a slur or a self-harm statement with "lol" after it is still what it is.
 */
const PLAYFUL =
  /\b(?:lol|lmao|lmfao|rofl|jk|j k|just kidding|just joking|kidding|haha\w*|hehe\w*|xd|xoxo)\b|哈哈|嘻嘻|嘿嘿|呵呵呵|开玩笑|逗你|闹着玩|hhh|2333|😂|🤣|😆|😜|😝|😛|🙃|😘|🤪|😁|😄|😹/u;

export function isPlayful(plain: string): boolean {
  return PLAYFUL.test(plain);
}

/**
 * Words that may stand between a negation and what it negates: "not going to", "never
 * even thought about", "dont really want to". Anything else ends the search, so
 * "dont know why but i want to die" is not read as negated.
 */
const ENGLISH_BRIDGE = new Set([
  'going', 'gonna', 'to', 'want', 'wanna', 'really', 'ever', 'even', 'would', 'will', 'plan', 'planning',
  'trying', 'try', 'think', 'thinking', 'thought', 'about', 'of', 'have', 'had', 'intend', 'intending',
  'ready', 'anymore', 'do', 'be', 'actually', 'seriously', 'wish', 'mean', 'meant', 'again', 'please',
]);
const ENGLISH_NEGATION = new Set([
  'not', 'never', 'dont', 'didnt', 'doesnt', 'wont', 'wouldnt', 'cant', 'cannot', 'isnt', 'arent', 'aint',
  'nor', 'shouldnt',
]);

/** Chinese: trailing modal/aspect characters may separate 不/没/别 from the verb ("不会想自杀"). */
const CHINESE_BRIDGE = /[想过会要再曾真的是去]{1,3}$/u;
const CHINESE_NEGATION = /(?:不|没|别|没有|从没|从来没|从不|绝不|并不|不要|不会|无|未|勿)$/u;

/** Whether the words right before a match negate it. `before` is the view up to the match. */
export function isNegatedBefore(before: string): boolean {
  const trimmed = before.trimEnd();
  if (/\p{Script=Han}$/u.test(trimmed)) {
    return CHINESE_NEGATION.test(trimmed) || CHINESE_NEGATION.test(trimmed.replace(CHINESE_BRIDGE, ''));
  }
  const words = trimmed.split(' ').filter(Boolean).slice(-6).reverse();
  for (const word of words) {
    if (ENGLISH_NEGATION.has(word)) return true;
    if (!ENGLISH_BRIDGE.has(word)) return false;
  }
  return false;
}
