/** SYSTEM event kinds clients may act on (the payload's `kind`). */
export type ChatSystemKind =
  /** A user message was stored (another device of the user can show it). */
  | 'USER_MESSAGE'
  /** A reply will be written (queued behind others, or a regeneration). */
  | 'REPLY_QUEUED'
  /** A withdrawn reply (policy ROLLBACK, or nothing was said before it stopped): remove it. */
  | 'REPLY_DISCARDED'
  /** The process writing a reply stopped; another one writes it again from the start. */
  | 'REPLY_RESTARTED'
  | 'TITLE';

export const systemEvent = (kind: ChatSystemKind, fields: Record<string, unknown>) => ({ type: 'SYSTEM' as const, payload: { kind, ...fields } });
