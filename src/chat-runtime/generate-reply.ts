import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../domain/accounts/user.entity';
import type { Persona } from '../domain/personas/persona.entity';
import { memoryPromptSection, recallMemories } from '../../agents/live-chat/recall-memories';
import { partnerSystemPrompt as partnerPromptDefinition } from '../../agents/partner-simulation/prompts';
import type { ChatMessage } from '../ports/model-provider.port';
import { countTextTokens } from '../llm/tokens/token-counter';
import type { RecalledMemory } from '../ports/memory-store.port';
import { DomainError } from '../domain/errors';
import { scenarioCatalog } from '../domain/simulations/scenario-catalog';
import type { ChatDeps } from '../domain/chats/chat-deps';
import { systemEvent } from '../domain/chats/chat-event-payloads';
import { loadHistory, rememberTurn, type HistoryTurn } from '../domain/chats/chat-history';
import { ChatMessageStatus } from '../domain/chats/chat-message.entity';
import type { ChatSession } from '../domain/chats/chat-session.entity';
import { chatFromRows, personaFromRow } from '../domain/chats/chat-from-rows';
import { ChunkEmitter } from './chunk-emitter';
import { SessionEvents, raiseEventFloor } from '../domain/chats/session-events';
import { openStyleFingerprint } from '../domain/personas/style-samples';
import { partnerSystemPrompt } from '../domain/chats/partner-context';

export interface ReplyJob {
  replyId: string;
  sessionId: string;
  seq: number;
  replyTo: string | null;
  /** The chat's owner and partner persona when the claim already knows them: the prompt's parts then load together. */
  ownerId?: string;
  personaId?: string;
}

/** A reply that reached the conversation, for the coach, the title and the memory triggers. */
export interface SpokenReply {
  session: ChatSession;
  /** The chat's event writer, for the events that follow the reply. */
  events: SessionEvents;
  userName: string;
  replyId: string;
  text: string;
  history: HistoryTurn[];
  /** The session's message counters right after the reply was counted (for the memory checkpoint). */
  counters?: { messageSeq: number; memorySeq: number };
}

const REPLY_MAX_TOKENS = 400;

/**
 * Writes one reply: builds the partner's prompt (persona, profile, style, samples, recalled
 * long-term memories, the conversation within its token budget), streams the model's deltas
 * as AI_CHUNK events, and stores the result. `signal` aborts it when a newer message
 * withdraws it (policies INTERRUPT and ROLLBACK) or the process stops.
 */
export async function generateReply(deps: ChatDeps, job: ReplyJob, signal: AbortSignal, prepared?: Promise<ReplyContext | undefined>): Promise<SpokenReply | undefined> {
  const context = await (prepared ?? loadReplyContext(deps, deps.orm.em.fork(), job));
  if (!context) return undefined;
  const { session, user, persona, history } = context;
  const recalled = context.memoriesStored === false ? [] : await recall(deps, user.id, persona.id, history.turns);
  const memory = memoryPromptSection(recalled);
  const messages: ChatMessage[] = [
    { role: 'system', content: memory ? `${context.system}\n\n${memory}` : context.system },
    ...history.turns.map((t): ChatMessage => ({ role: t.role === 'user' ? 'user' : 'assistant', content: t.text })),
  ];
  if (messages.at(-1)!.role !== 'user') messages.push({ role: 'user', content: '[Continue the conversation.]' });

  const events = await SessionEvents.open(deps.chatEvents, session.id, session.eventSeq);
  const emitter = new ChunkEmitter(events, job.replyId);
  let done: { text: string; tokens: number; degraded: boolean; replaced: boolean } | undefined;
  let failure: { code: string; message: string; retryable: boolean; partial: string } | undefined;
  let sentIsPartial = false;
  try {
    for await (const event of deps.llm.streamChat({
      tier: 'chat',
      messages,
      maxTokens: REPLY_MAX_TOKENS,
      temperature: 0.8,
      moderateInput: true,
      moderateOutput: true,
      // No cannedReply: when every model fails the provider answers in character (zh/en), not "…".
      signal,
      tag: { userId: user.id, agent: 'partner-simulation', node: 'reply', purpose: 'chat', prompt: { name: partnerPromptDefinition.name, version: partnerPromptDefinition.version } },
    })) {
      if (signal.aborted) break;
      if (event.type === 'chunk') emitter.push(event.text);
      else if (event.type === 'complete') done = { text: event.text, tokens: event.usage.completionTokens, degraded: event.degraded, replaced: event.safety === 'replaced' };
      else failure = { code: event.code, message: event.message, retryable: event.retryable, partial: event.partialText };
    }
  } catch (err) {
    if (!signal.aborted) {
      // Quota, moderation and outages reach the user as an ERROR event; anything else is a bug and is logged as one.
      if (!(err instanceof DomainError)) deps.logger.error({ err, sessionId: session.id, replyId: job.replyId }, 'reply generation failed');
      // `partial` is what reached the user: filled in once the emitter has flushed.
      failure = err instanceof DomainError
        ? { code: err.code, message: err.message, retryable: err.code === 'AI_SERVICE_UNAVAILABLE', partial: '' }
        : { code: 'AI_SERVICE_UNAVAILABLE', message: 'The reply could not be written', retryable: true, partial: '' };
      sentIsPartial = true;
    }
  }
  // A reply with no deltas (canned, a safety answer) still reaches streaming clients as a chunk.
  if (done && !signal.aborted && emitter.empty && done.text) emitter.push(done.text);
  await emitter.flush();
  if (failure && sentIsPartial) failure.partial = emitter.sent;

  const store = new ReplyStore(deps, session, job, persona.name, events);
  if (signal.aborted) return store.withdrawn(emitter.sent, user.displayName, history.turns);
  if (done) return store.finish(done, user.displayName, history.turns);
  return store.failed(failure!);
}

/** What a reply's prompt is built from (see loadReplyContext). */
export interface ReplyContext {
  /** The reply's own EntityManager (its session entity belongs to it). */
  em: EntityManager;
  session: ChatSession;
  user: User;
  persona: Persona;
  system: string;
  history: { turns: HistoryTurn[] };
  /** false: the pair has no long-term memories (recall is skipped); undefined: unknown (recall decides). */
  memoriesStored: boolean | undefined;
}

/**
 * What the prompt is built from, loaded together (one round trip instead of one after the
 * other): the session with its owner and persona, the persona's latest profile summary and the
 * owner's SELF persona (one statement, ChatRowReader.forReply), the conversation, and whether
 * any long-term memory exists for the pair.
 */
export async function loadReplyContext(deps: ChatDeps, em: EntityManager, job: ReplyJob): Promise<ReplyContext | undefined> {
  // One raw statement mapped with em.map rather than three em.findOne: about 0.6-0.7 ms of CPU a
  // reply instead of 2.6-3.0 ms (process.cpuUsage over 2,000 calls, 2026-12-06).
  const reading = deps.chatStore.rows.forReply(job.sessionId);
  let ids: { userId: string; personaId: string } | undefined;
  if (job.ownerId && job.personaId) ids = { userId: job.ownerId, personaId: job.personaId };
  else {
    const read = await reading;
    ids = read ? { userId: String(read.session.owner_id), personaId: String(read.session.persona_id) } : undefined;
  }
  if (!ids) return undefined;
  const { userId, personaId } = ids;
  const [rows, history, memoriesStored] = await Promise.all([
    reading,
    loadHistory(
      { messages: deps.chatStore.messages, transcripts: deps.transcripts, shortTermMemory: deps.shortTermMemory, logger: deps.logger },
      { sessionId: job.sessionId, userId, personaId, beforeSeq: job.seq, budgetTokens: deps.settings.historyTokens },
    ),
    // The same check recall starts with; a failure leaves the decision to recall (which logs it).
    deps.memories.list({ userId, personaId, view: 'partner', limit: 1 }).then(
      (items) => items.length > 0,
      () => undefined,
    ),
  ]);
  if (!rows) return undefined;
  const session = chatFromRows(em, rows);
  const user = session.owner.getEntity();
  const persona = session.persona.getEntity();
  // Who the user is, for the partner: their SELF persona, when they described themselves.
  const self = personaFromRow(em, rows.selfPersona);
  const profileSummary = typeof rows.profileSummary === 'string' ? rows.profileSummary : null;
  const scenario = session.scenarioId ? (await scenarioCatalog(em, user.id, deps.scenarioLibrary)).find((s) => s.id === session.scenarioId) : undefined;
  const style = await openStyleFingerprint(deps.dataKeys, persona);
  return { em, session, user, persona, system: partnerSystemPrompt(persona, profileSummary, user.displayName, scenario, style, self), history, memoriesStored };
}

async function recall(deps: ChatDeps, userId: string, personaId: string, turns: HistoryTurn[]): Promise<RecalledMemory[]> {
  const latest = [...turns].reverse().find((t) => t.role === 'user');
  if (!latest) return [];
  try {
    const result = await recallMemories(
      { llm: deps.llm, memories: deps.memories },
      {
        userId,
        personaId,
        view: 'partner',
        latestText: latest.text,
        recentTurns: turns.slice(-6).map((t) => ({ speaker: t.role, text: t.text })),
        halfLifeDays: deps.settings.memoryHalfLifeDays,
      },
    );
    return result.recalled;
  } catch (err) {
    // The reply goes on without long-term memory rather than not at all.
    deps.logger.warn({ err: (err as Error).message, component: 'memory-recall' }, 'memory recall failed; replying without it');
    return [];
  }
}

/** Stores how a reply ended and tells subscribers, whichever way it ended. */
class ReplyStore {
  constructor(
    private readonly deps: ChatDeps,
    private readonly session: ChatSession,
    private readonly job: ReplyJob,
    private readonly partnerName: string,
    private readonly events: SessionEvents,
  ) {}

  private get messages() {
    return this.deps.chatStore.messages;
  }

  async finish(done: { text: string; tokens: number; degraded: boolean; replaced: boolean }, userName: string, history: HistoryTurn[]): Promise<SpokenReply | undefined> {
    await this.storeText(done.text);
    // Completed and counted in one statement: the session counts the reply only if it was still
    // streaming. The event floor is raised to its deltas there; afterReply raises it past
    // AI_COMPLETE and SUGGESTIONS (a floor one event short is covered by FLOOR_MARGIN).
    const counters = await this.messages.completeReply(this.job.replyId, { tokens: done.tokens, degraded: done.degraded, eventFloor: this.events.lastSeq });
    if (!counters) {
      // A newer message withdrew it while the last delta was on its way.
      const status = await this.currentStatus();
      if (status === ChatMessageStatus.INTERRUPTED) return this.keepInterrupted(done.text, done.tokens, userName, history);
      return this.discard();
    }
    await this.events.append([
      { type: 'AI_COMPLETE', payload: { replyId: this.job.replyId, messageId: this.job.replyId, text: done.text, tokenCount: done.tokens, degraded: done.degraded, replaced: done.replaced, status: 'COMPLETE' } },
    ]);
    return this.spoken(done.text, userName, history, counters);
  }

  async withdrawn(sent: string, userName: string, history: HistoryTurn[]): Promise<SpokenReply | undefined> {
    const status = await this.currentStatus();
    if (status === ChatMessageStatus.INTERRUPTED && sent) {
      await this.storeText(sent);
      return this.keepInterrupted(sent, countTextTokens(sent, 'gpt-4o'), userName, history);
    }
    if (status === ChatMessageStatus.STREAMING) {
      // The process is stopping: hand the reply back to the queue for another process.
      await this.deps.chatStore.replies.requeue(this.job.replyId);
      await this.events.append([systemEvent('REPLY_RESTARTED', { replyId: this.job.replyId })]);
      return undefined;
    }
    return this.discard();
  }

  async failed(failure: { code: string; message: string; retryable: boolean; partial: string }): Promise<SpokenReply | undefined> {
    const event = { type: 'ERROR' as const, payload: { replyId: this.job.replyId, code: failure.code, message: failure.message, retryable: failure.retryable } };
    if (failure.partial) {
      // What reached the user is kept, marked as cut off.
      await this.storeText(failure.partial);
      await this.messages.markCutOff(this.job.replyId, countTextTokens(failure.partial, 'gpt-4o'));
      await this.counted();
      await this.events.append([event]);
      return undefined;
    }
    await this.messages.markFailed(this.job.replyId);
    await this.events.append([event]);
    return undefined;
  }

  private async keepInterrupted(text: string, tokens: number, userName: string, history: HistoryTurn[]): Promise<SpokenReply> {
    await this.messages.recordInterrupted(this.job.replyId, tokens);
    await this.counted();
    await this.events.append([
      { type: 'AI_COMPLETE', payload: { replyId: this.job.replyId, messageId: this.job.replyId, text, tokenCount: tokens, degraded: false, replaced: false, status: 'INTERRUPTED' } },
    ]);
    return this.spoken(text, userName, history);
  }

  private async discard(): Promise<undefined> {
    await this.messages.discard(this.job.replyId);
    await this.deps.transcripts.deleteBatch(this.session.id, this.job.replyId);
    await this.events.append([systemEvent('REPLY_DISCARDED', { replyId: this.job.replyId })]);
    return undefined;
  }

  private async currentStatus(): Promise<ChatMessageStatus | undefined> {
    return (await this.messages.status(this.job.replyId)) as ChatMessageStatus | undefined;
  }

  private async storeText(text: string): Promise<void> {
    await this.deps.transcripts.append([
      {
        ownerId: this.session.owner.id,
        conversationId: this.session.id,
        kind: 'CHAT',
        batchId: this.job.replyId,
        dedupeKey: this.job.replyId,
        sender: this.partnerName,
        role: 'persona',
        text,
        sentAt: this.deps.clock.now(),
        metadata: { chatMessageId: this.job.replyId, replyTo: this.job.replyTo },
      },
    ]);
  }

  private async counted(): Promise<void> {
    await this.deps.chatStore.sessions.countReply(this.session.id);
  }

  private async spoken(text: string, userName: string, history: HistoryTurn[], counters?: SpokenReply['counters']): Promise<SpokenReply> {
    // A completed reply's floor was raised with its counters (finish); afterReply raises it again in any case.
    if (!counters) await raiseEventFloor(this.deps.chatStore.sessions, this.session.id, this.events.lastSeq);
    await rememberTurn(this.deps, this.session.owner.id, this.session.persona.id, { role: 'partner', text, at: this.deps.clock.now().toISOString(), messageId: this.job.replyId });
    return { session: this.session, events: this.events, userName, replyId: this.job.replyId, text, history, counters };
  }
}
