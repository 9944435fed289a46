/**
 * What a second user message does while a reply is still streaming (set per session).
 * ENQUEUE: it waits and is answered after the current reply.
 * INTERRUPT: the current reply stops where it is (kept, marked interrupted); the new message is answered.
 * REJECT: the new message is refused with REPLY_IN_PROGRESS; nothing is stored.
 * ROLLBACK: the current reply is withdrawn (hidden, never shown again) and one reply answers both messages.
 */
export enum ChatPolicy {
  ENQUEUE = 'ENQUEUE',
  INTERRUPT = 'INTERRUPT',
  REJECT = 'REJECT',
  ROLLBACK = 'ROLLBACK',
}
