import type { EntityManager } from '@mikro-orm/postgresql';
import type { ModelProvider } from '../../ports/model-provider.port';
import type { MemoryStore, MemoryView as AgentView } from '../../ports/memory-store.port';
import { NotFoundError, ValidationError } from '../errors';
import { pageAtPosition, positionWindow, type PositionRules } from '../pagination/page-by-position';
import type { Page, PageRequest } from '../pagination/page';
import { findOwnPersona } from '../personas/find-own-persona';
import { memoryView, type MemoryView } from './memory-view';

export interface MemoryQuery {
  personaId?: string | null;
  view?: AgentView | null;
  /** Search text: ranked hybrid recall instead of newest first. */
  search?: string | null;
  includeInvalid?: boolean;
}

/**
 * Memory lists page by position (the store port pages by offset; a ranked search has no
 * key): at most 100 a page, 10,000 deep.
 */
export const MEMORY_PAGES: PositionRules = { maxSize: 100, maxPosition: 10_000 };
/** A ranked search recalls this many at most; its pages slice them. */
const MAX_RECALLED = 50;

/** The user's long-term memories: newest first, or ranked by a search. */
export async function listMemories(
  deps: { memories: MemoryStore; llm: ModelProvider },
  em: EntityManager,
  userId: string,
  query: MemoryQuery,
  page: Pick<PageRequest, 'first' | 'after'>,
): Promise<Page<MemoryView>> {
  const window = positionWindow(page, MEMORY_PAGES);
  if (query.personaId) await findOwnPersona(em, userId, query.personaId);
  const search = query.search?.trim();
  if (search) {
    if (!query.personaId) throw new ValidationError('personaId', 'A memory search is within one persona');
    if (search.length > 500) throw new ValidationError('search', 'A search holds at most 500 characters');
    const personaId = query.personaId;
    return pageAtPosition(window, async (offset, limit) => {
      if (offset >= MAX_RECALLED) return [];
      const [vector] = await deps.llm.embed([search], { userId, agent: 'memory', node: 'search', purpose: 'memory' });
      const recalled = await deps.memories.recall({
        userId,
        personaId,
        view: query.view ?? 'partner',
        text: search,
        vector: vector!,
        limit: Math.min(MAX_RECALLED, offset + limit),
        includeInvalid: query.includeInvalid ?? false,
      });
      return recalled.slice(offset).map((r) => memoryView(r.memory, r.score));
    });
  }
  return pageAtPosition(window, async (offset, limit) => {
    const items = await deps.memories.list({
      userId,
      personaId: query.personaId ?? undefined,
      view: query.view ?? undefined,
      includeInvalid: query.includeInvalid ?? false,
      limit,
      offset,
    });
    return items.map((m) => memoryView(m));
  });
}

/** Deletes the memory and its vector. */
export async function forgetMemory(deps: { memories: MemoryStore }, userId: string, memoryId: string): Promise<boolean> {
  if (!(await deps.memories.forget(userId, memoryId))) throw new NotFoundError('MEMORY_NOT_FOUND', 'Memory not found');
  return true;
}

/** Replaces what is remembered: the old memory is invalidated (kept as history), the corrected one recalled from now on. */
export async function correctMemory(deps: { memories: MemoryStore; llm: ModelProvider }, userId: string, memoryId: string, text: string): Promise<MemoryView> {
  const clean = text.trim();
  if (clean.length === 0 || clean.length > 2000) throw new ValidationError('text', 'A memory holds 1–2000 characters');
  const current = await deps.memories.get(userId, memoryId);
  if (!current || current.validTo !== null) throw new NotFoundError('MEMORY_NOT_FOUND', 'Memory not found (or already replaced)');
  const [vector] = await deps.llm.embed([clean], { userId, agent: 'memory', node: 'correct', purpose: 'memory' });
  const corrected = await deps.memories.correct(userId, memoryId, clean, vector!);
  if (!corrected) throw new NotFoundError('MEMORY_NOT_FOUND', 'Memory not found (or already replaced)');
  return memoryView(corrected);
}
