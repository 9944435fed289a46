import type { CallTag } from '../../src/ports/model-provider.port';

/** A turn of the live chat as the side calls see it. */
export interface ChatTurn {
  speaker: 'user' | 'partner';
  text: string;
}

export const LIMITS = {
  /** Turns shown to the recall intent check, newest last. */
  intentTurns: 4,
  /** Turns shown to the coach, newest last. */
  coachTurns: 10,
  /** A turn longer than this is cut in side-call prompts. */
  turnChars: 400,
  /** A recalled memory longer than this is cut in the partner's prompt. */
  memoryChars: 300,
  recallLimit: 6,
  queryChars: 300,
  replies: 3,
  replyChars: 280,
  tipChars: 200,
  titleChars: 60,
  titleWords: 6,
} as const;

/** Tags a live-chat side call for the usage ledger. */
export const tag = (userId: string, agent: string, node: string, purpose: string, prompt?: { name: string; version: number }): CallTag => ({
  userId,
  agent,
  node,
  purpose,
  ...(prompt ? { prompt: { name: prompt.name, version: prompt.version } } : {}),
});

/** Whitespace collapsed, trimmed, and cut to `max` characters (an ellipsis marks the cut). */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Turns as "<name>: <text>" lines, oldest first. */
export function renderTurns(turns: readonly ChatTurn[], names: { user: string; partner: string }): string {
  return turns.map((t) => `${t.speaker === 'user' ? names.user : names.partner}: ${oneLine(t.text, LIMITS.turnChars)}`).join('\n');
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '`': '`' };

/** Text without wrapping quotes (matching pairs only, nested ones too). */
export function unquote(text: string): string {
  let t = text.trim();
  while (t.length >= 2 && QUOTE_PAIRS[t[0]!] === t[t.length - 1]) t = t.slice(1, -1).trim();
  return t;
}
