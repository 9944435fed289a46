/**
 * The upload is not a readable export of the declared format. `line` is 1-based: the source
 * line for text exports, the message's position for Telegram JSON, so the user can find it.
 */
export class ImportParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'ImportParseError';
  }
}

/** The upload exceeds a size limit; raised before (bytes) or instead of (messages) building the result. */
export class ImportTooLargeError extends Error {
  constructor(
    readonly limit: 'bytes' | 'messages',
    readonly max: number,
  ) {
    super(`chat export is larger than the limit of ${max} ${limit}`);
    this.name = 'ImportTooLargeError';
  }
}
