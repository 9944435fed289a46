/**
 * Makes a user- or model-supplied string safe inside one line of Markdown: a table cell, a
 * list item or a quote. Newlines would end the line (and break a table row), `|` would split a
 * cell, `<` would let a Markdown viewer pass raw HTML through, and a leading `-` or `1.` would
 * open a nested list; a backslash escape keeps each as the literal character in every
 * CommonMark renderer.
 */
export function markdownInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
