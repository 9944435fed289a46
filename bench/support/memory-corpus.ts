import { hashedEmbedding } from '../../src/llm/stub/hashed-embedding';
import type { MemoryKind, MemoryView } from '../../src/ports/memory-store.port';

/** A small deterministic PRNG (mulberry32), so every run loads the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export const EMBEDDING_DIMENSIONS = 512;

/**
 * A dense 512-d unit vector for `text`: the stub's hashed bag of words (texts sharing words
 * stay similar) plus deterministic noise spread over every component, so vectors have the
 * size and precision of a real embedding model's (USE-lite, 512-d) rather than mostly zeros.
 */
export function denseEmbedding(text: string): number[] {
  const base = hashedEmbedding(text, EMBEDDING_DIMENSIONS);
  const random = seededRandom(hash(text));
  const noise = 0.5 / Math.sqrt(EMBEDDING_DIMENSIONS);
  const v = base.map((x) => x + noise * (random() * 2 - 1) * Math.sqrt(3));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const NAMES = ['Mei', 'Lan', 'Jun', 'Sam', 'Kai', 'Rin', 'Noor', 'Leo', 'Ana', 'Yuki', 'Omar', 'Lena', 'Hao', 'Priya', 'Tom', 'Sofia'];
const RELATIONS = ['sister', 'brother', 'mother', 'father', 'best friend', 'boss', 'cousin', 'roommate', 'grandmother', 'colleague'];
const THINGS = ['hiking', 'jazz', 'dumplings', 'rock climbing', 'board games', 'photography', 'baking', 'running', 'karaoke', 'gardening', 'sci-fi novels', 'cycling', 'hot pot', 'pottery', 'chess', 'surfing'];
const PLACES = ['Kyoto', 'Lisbon', 'the night market', 'Chengdu', 'the beach', 'Berlin', 'her hometown', 'the mountains', 'Seoul', 'the old bookshop'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FEELINGS = ['relieved', 'anxious', 'excited', 'tired', 'hopeful', 'hurt', 'proud', 'nostalgic'];
const TOPICS = ['money', 'moving in together', 'holidays with family', 'work hours', 'chores', 'an old friend', 'children', 'a new job'];
const JOBS = ['nurse', 'designer', 'teacher', 'software engineer', 'chef', 'accountant', 'photographer', 'pharmacist'];

export interface CorpusMemory {
  kind: MemoryKind;
  view: MemoryView;
  text: string;
  importance: number;
  factKey: string | null;
}

/** One short memory text of the kind the memory jobs write (a fact, an event or a summary). */
export function memoryAt(random: () => number, persona: string, index: number): CorpusMemory {
  const view: MemoryView = index % 5 === 4 ? 'coach' : 'partner';
  const importance = 1 + Math.floor(random() * 10);
  const roll = random();
  if (roll < 0.4) {
    const facts = [
      () => `${persona}'s ${pick(random, RELATIONS)} is called ${pick(random, NAMES)}`,
      () => `${persona} loves ${pick(random, THINGS)} and hates ${pick(random, THINGS)}`,
      () => `${persona} works as a ${pick(random, JOBS)} near ${pick(random, PLACES)}`,
      () => `${persona} is saving up for a trip to ${pick(random, PLACES)}`,
    ];
    return { kind: 'FACT', view, text: pick(random, facts)(), importance, factKey: `fact-${index}` };
  }
  if (roll < 0.75) {
    const text = `${persona} and ${pick(random, NAMES)} went to ${pick(random, PLACES)} in ${pick(random, MONTHS)} for ${pick(random, THINGS)}`;
    return { kind: 'EVENT', view, text, importance, factKey: null };
  }
  const text = `Talked about ${pick(random, TOPICS)} and ${pick(random, THINGS)}; ${persona} felt ${pick(random, FEELINGS)} about ${pick(random, MONTHS)}`;
  return { kind: 'SUMMARY', view, text, importance, factKey: null };
}

/** What a chat turn might make the partner recall. */
export function queryText(random: () => number): string {
  const queries = [
    () => `what was my ${pick(random, RELATIONS)}'s name again?`,
    () => `do you remember our trip to ${pick(random, PLACES)}?`,
    () => `I want to try ${pick(random, THINGS)} this weekend`,
    () => `still feeling ${pick(random, FEELINGS)} about ${pick(random, TOPICS)}`,
    () => `${pick(random, NAMES)} is visiting in ${pick(random, MONTHS)}!`,
  ];
  return pick(random, queries)();
}
