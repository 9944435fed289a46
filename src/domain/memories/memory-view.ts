import type { Memory } from '../../ports/memory-store.port';

/** A memory as its owner sees it (the vector stays inside the store). */
export type MemoryView = Omit<Memory, 'vector'> & { score?: number };

export function memoryView(memory: Memory, score?: number): MemoryView {
  const { vector: _vector, ...rest } = memory;
  return score === undefined ? rest : { ...rest, score };
}
