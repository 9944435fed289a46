import { matchLineEntry } from './line-layout';

/** A run of quotes at the end of a line closes the message only if one is left after `""` pairs (escaped quotes). */
function endsWithClosingQuote(line: string): boolean {
  let run = 0;
  while (run < line.length && line[line.length - 1 - run] === '"') run += 1;
  return run % 2 === 1;
}

/**
 * LINE writes a multi-line message as one quoted field: `21:45<TAB>Kenji<TAB>"first line`,
 * more lines, and a last line ending in `"`, with quotes inside doubled. Returns the message
 * text and the index of its last line, or null when the text only happens to start with a
 * quote (it closes on the same line, or a new entry line comes before any closing quote).
 */
export function readQuotedMessage(lines: readonly string[], start: number, firstText: string): { text: string; end: number } | null {
  if (!firstText.startsWith('"') || (firstText.length > 1 && endsWithClosingQuote(firstText.slice(1)))) return null;
  for (let end = start + 1; end < lines.length; end++) {
    const line = lines[end]!;
    if (matchLineEntry(line)) return null;
    if (endsWithClosingQuote(line)) {
      const quoted = [firstText.slice(1), ...lines.slice(start + 1, end), line.slice(0, -1)].join('\n');
      return { text: quoted.replace(/""/g, '"'), end };
    }
  }
  return null;
}
