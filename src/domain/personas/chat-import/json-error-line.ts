/**
 * The line of the source a JSON.parse error points at. Node 20 reports "at position N"; newer
 * V8 adds "(line L column C)"; a truncated file reports only "Unexpected end", which is the
 * last line. Anything else: line 1.
 */
export function jsonErrorLine(source: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const reported = /\(line (\d+) column \d+\)/.exec(message);
  if (reported) return Number(reported[1]);
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /unexpected end/i.test(message) ? source.trimEnd().length : null;
  if (offset === null) return 1;
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line += 1;
  return line;
}
