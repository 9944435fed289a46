export type StyleLanguage = 'zh' | 'en' | 'ja' | 'other';

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;
const OTHER_LETTER = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Latin}])\p{L}/gu;

/** Kana share of the Japanese-capable characters above which a message is Japanese. */
const KANA_SHARE_FOR_JAPANESE = 0.15;
/**
 * One Latin word carries about as much as one or two Chinese characters, so "ok 好的" reads
 * as Chinese and "so cute 哈哈" as English.
 */
const LATIN_WORD_WEIGHT = 1.5;
const OTHER_LETTER_WEIGHT = 0.5;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * The dominant language of one message by script, or null when it has no letters (emoji,
 * numbers). Latin script counts as English: telling English from other Latin-script languages
 * needs a model, and the import targets are English- and Chinese-speaking users.
 */
export function languageOf(text: string): StyleLanguage | null {
  const han = count(text, HAN);
  const kana = count(text, KANA);
  // Japanese writes kanji too, but Chinese almost never writes kana.
  if (kana > 0 && kana / (han + kana) >= KANA_SHARE_FOR_JAPANESE) return 'ja';
  const scores: [StyleLanguage, number][] = [
    ['zh', han + kana],
    ['en', count(text, LATIN_WORD) * LATIN_WORD_WEIGHT],
    ['other', count(text, OTHER_LETTER) * OTHER_LETTER_WEIGHT],
  ];
  const [best, score] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
  return score > 0 ? best : null;
}

const ORDER: StyleLanguage[] = ['zh', 'en', 'ja', 'other'];

/** Share of messages per dominant language, over the messages that have letters. */
export function languageMix(texts: readonly string[]): { lang: StyleLanguage; share: number }[] {
  const counts = new Map<StyleLanguage, number>();
  let withLetters = 0;
  for (const text of texts) {
    const lang = languageOf(text);
    if (lang === null) continue;
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
    withLetters += 1;
  }
  return ORDER.filter((lang) => counts.has(lang))
    .map((lang) => ({ lang, share: counts.get(lang)! / withLetters }))
    .sort((a, b) => b.share - a.share);
}
