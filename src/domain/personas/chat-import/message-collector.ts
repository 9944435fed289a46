import type { ChatLogFormat, ParsedMessage, ParseResult } from './chat-log.types';
import { ImportTooLargeError } from './import-parse.error';

export type CollectedMessage = Omit<ParsedMessage, 'index'>;

/**
 * Gathers what a parser reads, numbering messages in log order and stopping as soon as the
 * message limit is passed, so an oversized export never builds its whole result in memory.
 */
export class MessageCollector {
  private readonly messages: ParsedMessage[] = [];
  // A Set keeps insertion order, so participants come out in order of first message.
  private readonly participants = new Set<string>();
  private skippedSystemLines = 0;

  constructor(private readonly maxMessages: number) {}

  add(message: CollectedMessage): void {
    if (this.messages.length >= this.maxMessages) throw new ImportTooLargeError('messages', this.maxMessages);
    this.messages.push({ index: this.messages.length, ...message });
    this.participants.add(message.sender);
  }

  skipSystemLine(): void {
    this.skippedSystemLines += 1;
  }

  result(format: ChatLogFormat): ParseResult {
    return {
      format,
      messages: this.messages,
      participants: [...this.participants],
      skippedSystemLines: this.skippedSystemLines,
    };
  }
}
