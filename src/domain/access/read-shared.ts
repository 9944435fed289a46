import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatStore } from '../../ports/chat-store.port';
import type { MemoryStore } from '../../ports/memory-store.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { CHATS } from '../chats/find-own-chat';
import type { ChatMessageView } from '../chats/chat-message-view';
import { messagePageWindow, pageOfMessages } from '../chats/list-chat-messages';
import { MEMORY_PAGES } from '../memories/manage-memories';
import { memoryView, type MemoryView } from '../memories/memory-view';
import { pageAtPosition, positionWindow } from '../pagination/page-by-position';
import type { Page, PageRequest } from '../pagination/page';
import { PERSONAS } from '../personas/find-own-persona';
import type { Persona } from '../personas/persona.entity';
import { SIMULATIONS } from '../simulations/find-own-simulation';
import type { Simulation } from '../simulations/simulation.entity';
import { findReadable, type OwnedKind, type Reader } from './find-owned';
import { ResourceKind } from './resource-kind';

/** Memories are shared per persona (what the agents remember about the owner with that persona). */
const PERSONA_MEMORIES: OwnedKind<Persona> = { ...PERSONAS, kind: ResourceKind.MEMORY };

/**
 * Reads for someone who may not own the data: analysts see what owners shared with them,
 * admins see anything; every such read is audited (find-owned.ts). Read-only by design.
 */
export async function readPersona(em: EntityManager, reader: Reader, id: string): Promise<Persona> {
  return (await findReadable(em, PERSONAS, reader, id)).row;
}

export async function readSimulation(em: EntityManager, reader: Reader, id: string): Promise<Simulation> {
  return (await findReadable(em, SIMULATIONS, reader, id)).row;
}

export async function readChatMessages(deps: { transcripts: TranscriptStore; chatStore: ChatStore }, em: EntityManager, reader: Reader, sessionId: string, page: PageRequest): Promise<Page<ChatMessageView>> {
  const window = messagePageWindow(page);
  const { row } = await findReadable(em, CHATS, reader, sessionId);
  return pageOfMessages(deps, row.id, window);
}

/** What the agents remember about the persona's owner with it, newest first (pages by position: memory-store port). */
export async function readMemories(deps: { memories: MemoryStore }, em: EntityManager, reader: Reader, personaId: string, page: Pick<PageRequest, 'first' | 'after'>): Promise<Page<MemoryView>> {
  const window = positionWindow(page, MEMORY_PAGES);
  const { row } = await findReadable(em, PERSONA_MEMORIES, reader, personaId);
  return pageAtPosition(window, async (offset, limit) =>
    (await deps.memories.list({ userId: row.owner.id, personaId: row.id, limit, offset })).map((m) => memoryView(m)),
  );
}
