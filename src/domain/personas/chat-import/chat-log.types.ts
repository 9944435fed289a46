/** The chat-export layouts a user can upload to build a persona of a real person. */
export type ChatLogFormat = 'WHATSAPP' | 'LINE' | 'TELEGRAM' | 'PLAIN';

export interface ParsedMessage {
  /** 0-based order in the log. */
  index: number;
  /** 1-based source line where the message starts; for Telegram JSON, the message's 1-based position in `messages`. */
  line: number;
  /** Display name as written in the export, trimmed (invisible direction marks removed). */
  sender: string;
  /** Null when the format carries no timestamp (PLAIN). */
  sentAt: Date | null;
  /** Multi-line messages joined with \n; media stand-ins normalised to e.g. "[media: image]". */
  text: string;
  kind: 'text' | 'media';
}

export interface ParseResult {
  format: ChatLogFormat;
  messages: ParsedMessage[];
  /** Senders in order of their first message. */
  participants: string[];
  /** Timestamped events that are not someone writing: encryption notices, joins, renames, deleted messages, calls. */
  skippedSystemLines: number;
}

export interface ParseOptions {
  /** Refuse exports larger than this many UTF-8 bytes (default 5 MiB). */
  maxBytes?: number;
  /** Refuse exports with more messages than this (default 50 000). */
  maxMessages?: number;
  /**
   * Offset from UTC, in minutes, of the clock the export was written with (e.g. 480 for
   * China). Exports carry local wall-clock times without a zone; default 0 reads them as UTC.
   */
  timeZoneOffsetMinutes?: number;
}

export type ResolvedParseOptions = Required<ParseOptions>;
