import type { ParseResult, ResolvedParseOptions } from './chat-log.types';
import { ImportParseError } from './import-parse.error';
import { MessageCollector } from './message-collector';
import { matchSpeakerLine } from './plain-speaker';
import { toSourceLines } from './source-lines';

type OpenMessage = { line: number; sender: string; lines: string[] };

/**
 * Plain `Name: message` lines, as people paste them from anywhere. A line without a
 * speaker continues the message above; blank lines separate nothing and are dropped. There
 * are no timestamps and no system lines.
 */
export function parsePlain(source: string, options: ResolvedParseOptions): ParseResult {
  const lines = toSourceLines(source);
  const collector = new MessageCollector(options.maxMessages);
  let open: OpenMessage | null = null;
  const close = (): void => {
    if (open === null) return;
    const text = open.lines.join('\n').trim();
    // "Name:" alone starts a message that may get its words on the next lines; if none come, there was nothing.
    if (text !== '') collector.add({ line: open.line, sender: open.sender, sentAt: null, kind: 'text', text });
    open = null;
  };

  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const speaker = matchSpeakerLine(raw);
    if (speaker) {
      close();
      open = { line: index + 1, sender: speaker.sender, lines: [speaker.text] };
      return;
    }
    if (open === null) throw new ImportParseError(index + 1, 'expected a "Name: message" line');
    open.lines.push(raw.trim());
  });
  close();
  return collector.result('PLAIN');
}
