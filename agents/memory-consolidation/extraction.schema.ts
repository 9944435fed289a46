import { DEFAULTS, type ConsolidationMessage } from './configuration';

/**
 * The JSON Schema of one window's extraction, and how a model's answer is brought into it.
 * Sources are the 1-based numbers of the window's lines ("[3] user: …"); the bounds make a
 * grammar-constrained model emit only real line numbers, and cleanExtraction drops any
 * other. Small models answer sloppily, so nothing in the raw value is trusted.
 */
export function extractionSchema(lines: number) {
  const importance = { type: 'integer', minimum: 1, maximum: 10 } as const;
  const sources = { type: 'array', items: { type: 'integer', minimum: 1, maximum: Math.max(1, lines) }, maxItems: 6 } as const;
  const text = { type: 'string', maxLength: 300 } as const;
  return {
    type: 'object',
    properties: {
      summary: {
        type: 'object',
        properties: { text: { type: 'string', maxLength: 600 }, importance },
        required: ['text', 'importance'],
        additionalProperties: false,
      },
      facts: {
        type: 'array',
        maxItems: DEFAULTS.maxFactsPerWindow,
        items: {
          type: 'object',
          properties: { key: { type: 'string', maxLength: 64, pattern: '^[a-z0-9_.]+$' }, text, importance, sources },
          required: ['key', 'text', 'importance', 'sources'],
          additionalProperties: false,
        },
      },
      events: {
        type: 'array',
        maxItems: DEFAULTS.maxEventsPerWindow,
        items: {
          type: 'object',
          properties: { text, importance, sources },
          required: ['text', 'importance', 'sources'],
          additionalProperties: false,
        },
      },
      coachNote: { type: 'string', maxLength: 300 },
    },
    required: ['summary', 'facts', 'events', 'coachNote'],
    additionalProperties: false,
  } as const;
}

/** A memory drawn from one window, with its sources mapped to transcript message ids. */
export interface ExtractedMemory {
  text: string;
  /** 1–10, an integer. */
  importance: number;
  sourceMessageIds: string[];
  /** `at` of the newest source message. */
  validFrom: Date;
}

export interface ExtractedFact extends ExtractedMemory {
  /** Lower-case dotted key ("sister.name"); absent when the model gave none usable. */
  factKey?: string;
}

/** One window's extraction after cleaning: everything in it is safe to store. */
export interface WindowExtraction {
  summary: ExtractedMemory | null;
  facts: ExtractedFact[];
  events: ExtractedMemory[];
  coachNote: ExtractedMemory | null;
}

/**
 * Validates and clamps a raw extraction: texts trimmed, whitespace collapsed and cut to
 * DEFAULTS.maxMemoryChars, empty ones dropped; importance rounded and clamped to 1–10;
 * keys normalised to [a-z0-9_.]; line numbers mapped to message ids, out-of-range ones
 * dropped, and a fact or event left with no source dropped. The summary and coach note
 * cite the whole window. At most DEFAULTS.maxFactsPerWindow facts (one per key, the newest
 * winning) and DEFAULTS.maxEventsPerWindow events.
 */
export function cleanExtraction(raw: unknown, window: readonly ConsolidationMessage[]): WindowExtraction {
  const value = asRecord(raw);
  const whole = wholeWindow(window);
  const summary = asRecord(value.summary);
  const summaryText = cleanText(typeof value.summary === 'string' ? value.summary : summary.text);
  const noteText = cleanText(value.coachNote);

  const cited = (item: Record<string, unknown>): ExtractedMemory | null => {
    const text = cleanText(item.text);
    const sources = citedMessages(item.sources, window);
    if (!text || sources.length === 0) return null;
    return {
      text,
      importance: importanceOf(item.importance),
      sourceMessageIds: sources.map((m) => m.id),
      validFrom: new Date(Math.max(...sources.map((m) => m.at.getTime()))),
    };
  };

  const byKey = new Map<string, ExtractedFact>();
  const unkeyed: ExtractedFact[] = [];
  for (const item of asArray(value.facts).map(asRecord)) {
    const memory = cited(item);
    if (!memory) continue;
    const factKey = normaliseFactKey(item.key);
    if (!factKey) {
      unkeyed.push(memory);
      continue;
    }
    const previous = byKey.get(factKey);
    if (!previous || previous.validFrom.getTime() <= memory.validFrom.getTime()) byKey.set(factKey, { ...memory, factKey });
  }

  const events = new Map<string, ExtractedMemory>();
  for (const item of asArray(value.events).map(asRecord)) {
    const memory = cited(item);
    if (memory && !events.has(memory.text.toLowerCase())) events.set(memory.text.toLowerCase(), memory);
  }

  return {
    summary: summaryText ? { text: summaryText, importance: importanceOf(summary.importance), ...whole } : null,
    facts: [...byKey.values(), ...unkeyed].slice(0, DEFAULTS.maxFactsPerWindow),
    events: [...events.values()].slice(0, DEFAULTS.maxEventsPerWindow),
    coachNote: noteText ? { text: noteText, importance: DEFAULTS.coachNoteImportance, ...whole } : null,
  };
}

/**
 * A fact key as stored: lower case, separators as "_", only [a-z0-9_.], no empty segments,
 * at most 64 characters ("Sister Name!" → "sister_name"). Undefined when nothing is left.
 */
export function normaliseFactKey(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const key = raw
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\s\-/:]+/g, '_')
    .replace(/[^a-z0-9_.]/g, '')
    .split('.')
    .map((segment) => segment.replace(/_+/g, '_').replace(/^_|_$/g, ''))
    .filter(Boolean)
    .join('.')
    .slice(0, 64)
    .replace(/[._]+$/, '');
  return key || undefined;
}

function wholeWindow(window: readonly ConsolidationMessage[]): Pick<ExtractedMemory, 'sourceMessageIds' | 'validFrom'> {
  const last = window[window.length - 1];
  return { sourceMessageIds: window.map((m) => m.id), validFrom: last ? last.at : new Date() };
}

/** The window's messages named by 1-based line numbers (numbers, or strings like "3", "[3]", "m3"), in window order. */
function citedMessages(raw: unknown, window: readonly ConsolidationMessage[]): ConsolidationMessage[] {
  const numbers = new Set<number>();
  for (const source of Array.isArray(raw) ? raw : [raw]) {
    const n = typeof source === 'number' ? source : Number(/^\[?[a-z#]?(\d+)\]?$/i.exec(String(source).trim())?.[1] ?? NaN);
    if (Number.isInteger(n) && n >= 1 && n <= window.length) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b).map((n) => window[n - 1]!);
}

function importanceOf(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number.parseFloat(raw) : NaN;
  return Number.isFinite(n) ? Math.min(10, Math.max(1, Math.round(n))) : DEFAULTS.importance;
}

function cleanText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length <= DEFAULTS.maxMemoryChars ? text : `${text.slice(0, DEFAULTS.maxMemoryChars - 1).trimEnd()}…`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
