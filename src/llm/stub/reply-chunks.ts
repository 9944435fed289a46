/**
 * Splits `text` into `count` nearly equal pieces on code-point boundaries (an emoji is never
 * torn in two); fewer pieces when the text is shorter than `count`, one '' for ''.
 */
export function splitIntoChunks(text: string, count: number): string[] {
  const codePoints = Array.from(text);
  if (codePoints.length === 0) return [''];
  const pieces = Math.max(1, Math.min(count, codePoints.length));
  const chunks: string[] = [];
  for (let i = 0; i < pieces; i++) {
    const start = Math.floor((i * codePoints.length) / pieces);
    const end = Math.floor(((i + 1) * codePoints.length) / pieces);
    chunks.push(codePoints.slice(start, end).join(''));
  }
  return chunks;
}
