import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Redaction is a second line of defence: code never passes chat
 * content, tokens or secrets to the logger in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'soullink' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'accessToken',
          '*.accessToken',
          'refreshToken',
          '*.refreshToken',
          'idToken',
          '*.idToken',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'variables',
          '*.variables',
          'content',
          '*.content',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
