const MAX_ECHO_CODE_POINTS = 120;

/**
 * The reply when nothing is scripted: a pure function of the last user message, so a test (or
 * a benchmark) gets the same text on every run and can see which message was answered.
 */
export function defaultStubReply(lastUserText: string): string {
  const compact = lastUserText.replace(/\s+/g, ' ').trim();
  if (compact === '') return 'Stub reply: hello there.';
  const codePoints = Array.from(compact);
  const echo = codePoints.length > MAX_ECHO_CODE_POINTS ? `${codePoints.slice(0, MAX_ECHO_CODE_POINTS).join('')}…` : compact;
  return `Stub reply to "${echo}".`;
}
