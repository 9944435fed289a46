import { randomUUID } from 'node:crypto';
import { ChatEventsDocument, SendChatMessageDocument, StartChatDocument, type ChatEventsSubscription } from '../../graphql/generated/graphql';
import type { LiveSocket, LiveStream } from './live-socket';
import type { Session } from './session';
import { SoulLinkError } from './soullink-client';

export type ChatEvent = ChatEventsSubscription['chatEvents'];

/** Where a chat is shown: reply text as it streams in, and (optionally) every event. */
export interface ChatOutput {
  write(text: string): void;
  event?(event: ChatEvent): void;
}

/** A finished reply; `text` is the authoritative one (moderation may have replaced the streamed text). */
export interface Reply {
  replyId: string;
  text: string;
  replaced: boolean;
}

/**
 * A live chat with one of your PARTNER personas: follows `chatEvents` (each event once, in seq
 * order, across reconnects), writes AI_CHUNK text as it arrives, and `say()` resolves with the
 * reply once its AI_COMPLETE came.
 */
export class Chat {
  // Final events that came before sendChatMessage answered with their replyId.
  private readonly ended = new Map<string, ChatEvent>();
  private readonly waiting = new Map<string, { resolve: (event: ChatEvent) => void; reject: (err: unknown) => void }>();
  private readonly stream: LiveStream;
  // Set when the event stream ended for good (access lost, chat deleted): no reply can arrive.
  private failure?: unknown;

  private constructor(
    private readonly session: Session,
    live: LiveSocket,
    readonly sessionId: string,
    private readonly output: ChatOutput,
  ) {
    this.stream = live.follow(ChatEventsDocument, { sessionId }, { seqOf: (r) => r.chatEvents.seq, onEvent: (r) => this.render(r.chatEvents) });
    this.stream.done.catch((err: unknown) => {
      this.failure = err;
      for (const waiter of this.waiting.values()) waiter.reject(err);
      this.waiting.clear();
    });
  }

  static async start(session: Session, live: LiveSocket, partnerPersonaId: string, output: ChatOutput): Promise<Chat> {
    const { startChat } = await session.client.request(StartChatDocument, { input: { partnerPersonaId } });
    return new Chat(session, live, startChat.chat.id, output);
  }

  /** The live stream (its last seq, duplicates dropped). */
  get events(): LiveStream {
    return this.stream;
  }

  /**
   * Sends a message and waits for the partner's reply, streaming it to the output meanwhile.
   * A reply that has not finished within `timeoutMs` fails with TIMEOUT (it may still finish
   * later: the stream keeps showing it).
   */
  async say(content: string, timeoutMs = 120_000): Promise<Reply> {
    if (this.failure !== undefined) throw this.failure;
    // A repeat of this request (after a token refresh) carries the same id: the server stores the message once.
    const clientMessageId = randomUUID();
    const { sendChatMessage } = await this.session.client.request(SendChatMessageDocument, { input: { sessionId: this.sessionId, content, clientMessageId } });
    const replyId = sendChatMessage.replyId;
    if (!replyId) throw new SoulLinkError('NO_REPLY', 'The message was stored but no reply is coming');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SoulLinkError('TIMEOUT', `No reply within ${timeoutMs} ms`)), timeoutMs);
    });
    const end = await Promise.race([this.endOf(replyId), timeout]).finally(() => clearTimeout(timer));
    if (end.type === 'ERROR') throw new SoulLinkError(end.code ?? 'INTERNAL', end.message ?? 'The reply failed', { retryable: end.retryable });
    return { replyId, text: end.text ?? '', replaced: end.replaced ?? false };
  }

  close(): void {
    this.stream.stop();
  }

  private endOf(replyId: string): Promise<ChatEvent> {
    const early = this.ended.get(replyId);
    if (early) {
      this.ended.delete(replyId);
      return Promise.resolve(early);
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.set(replyId, { resolve, reject }));
  }

  private render(event: ChatEvent): void {
    this.output.event?.(event);
    if (event.type === 'AI_CHUNK' && event.text) this.output.write(event.text);
    if (event.type === 'SYSTEM' && event.systemKind === 'REPLY_RESTARTED') this.output.write('\n[the reply starts over]\n');
    const isEnd = event.type === 'AI_COMPLETE' || (event.type === 'ERROR' && event.errorSource !== 'SUGGESTIONS');
    if (!isEnd || !event.replyId) return;
    if (event.type === 'AI_COMPLETE' && event.replaced) this.output.write(`\n[replaced by moderation] ${event.text ?? ''}`);
    const waiter = this.waiting.get(event.replyId);
    if (waiter) {
      this.waiting.delete(event.replyId);
      waiter.resolve(event);
    } else {
      this.ended.set(event.replyId, event);
    }
  }
}
