import { DEFAULTS, tag, type ConsolidationDeps, type ConsolidationMessage } from '../configuration';
import { keepAllowed } from '../../../src/llm/moderation/keep-allowed';
import { cleanExtraction, extractionSchema, type ExtractedMemory, type WindowExtraction } from '../extraction.schema';
import { extractMemoriesPrompt } from '../prompts';
import type { ConsolidationStateType, ConsolidationUpdate } from '../state';

/** The window as numbered lines, "[3] user: …", one message per line. */
export function numberLines(window: readonly ConsolidationMessage[]): string {
  return window
    .map((m, i) => {
      const text = m.text.replace(/\s+/g, ' ').trim();
      const cut = text.length <= DEFAULTS.maxLineChars ? text : `${text.slice(0, DEFAULTS.maxLineChars - 1)}…`;
      return `[${i + 1}] ${m.speaker}: ${cut}`;
    })
    .join('\n');
}

/**
 * Reads one window (deep tier, deterministic, JSON schema) for a summary, facts, events and
 * a coach note, and cleans the answer (extraction.schema.ts) before anything is stored.
 */
export async function extractMemories(deps: ConsolidationDeps, state: ConsolidationStateType): Promise<ConsolidationUpdate> {
  const window = state.windows[state.windowIndex]!;
  const { value, model } = await deps.llm.structured<unknown>({
    tier: 'deep',
    temperature: 0,
    maxTokens: 1500,
    schema: extractionSchema(window.length),
    schemaName: 'memory_extraction',
    messages: [
      {
        role: 'user',
        content: extractMemoriesPrompt.render({
          userName: state.userName || 'the user',
          partnerName: state.partnerName || 'the partner',
          count: window.length,
          lines: numberLines(window),
        }),
      },
    ],
    tag: tag(state.userId, 'extract-memories', extractMemoriesPrompt),
  });
  return { extraction: await withoutFlagged(deps, cleanExtraction(value, window)), models: [model] };
}

/**
 * Memories go back into later prompts and are shown to the user: any the output moderation
 * flags is dropped here, before it is stored.
 */
async function withoutFlagged(deps: ConsolidationDeps, extraction: WindowExtraction): Promise<WindowExtraction> {
  const single = async (memory: ExtractedMemory | null) => (memory ? ((await keepAllowed(deps.llm, [memory], (m) => m.text))[0] ?? null) : null);
  const [summary, facts, events, coachNote] = await Promise.all([
    single(extraction.summary),
    keepAllowed(deps.llm, extraction.facts, (m) => m.text),
    keepAllowed(deps.llm, extraction.events, (m) => m.text),
    single(extraction.coachNote),
  ]);
  return { summary, facts, events, coachNote };
}
