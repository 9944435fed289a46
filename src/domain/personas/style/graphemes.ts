/**
 * User-perceived characters. Lengths and emoji counts go by graphemes, not UTF-16 units, so
 * "👨‍👩‍👧" or "👍🏽" is one character, as the person typing it sees it.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Text made only of characters that are always a grapheme on their own (ASCII without CR,
 * Latin-1 and Latin Extended letters, CJK punctuation, kana and ideographs, full-width
 * forms; no combining marks) splits by code point, which is far cheaper than segmenting:
 * most chat messages take this path.
 */
const SIMPLE_TEXT = /^[\t\n\u0020-\u007E\u00A0-\u02FF\u3000-\u3029\u3030-\u3098\u309B-\u9FFF\uFF00-\uFFEF]*$/;

export function graphemesOf(text: string): string[] {
  if (SIMPLE_TEXT.test(text)) return Array.from(text);
  return Array.from(segmenter.segment(text), (part) => part.segment);
}
