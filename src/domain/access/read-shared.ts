import type { EntityManager } from '@mikro-orm/postgresql';
import type { MemoryStore } from '../../ports/memory-store.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { CHATS } from '../chats/find-own-chat';
import { MAX_MESSAGE_PAGE, pageOfMessages, type ChatMessagePage } from '../chats/list-chat-messages';
import { ValidationError } from '../errors';
import { memoryView, type MemoryView } from '../memories/memory-view';
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

export async function readChatMessages(
  deps: { transcripts: TranscriptStore },
  em: EntityManager,
  reader: Reader,
  sessionId: string,
  page: { before?: number | null; limit: number },
): Promise<ChatMessagePage> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_MESSAGE_PAGE) throw new ValidationError('limit', `limit must be 1–${MAX_MESSAGE_PAGE}`);
  const { row } = await findReadable(em, CHATS, reader, sessionId);
  return pageOfMessages(deps, em, row.id, { before: page.before ?? null, limit: page.limit });
}

export async function readMemories(deps: { memories: MemoryStore }, em: EntityManager, reader: Reader, personaId: string): Promise<MemoryView[]> {
  const { row } = await findReadable(em, PERSONA_MEMORIES, reader, personaId);
  const items = await deps.memories.list({ userId: row.owner.id, personaId: row.id, limit: 200 });
  return items.map((m) => memoryView(m));
}
