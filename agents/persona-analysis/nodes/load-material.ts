import type { TranscriptMessage } from '../../../src/ports/transcript-store.port';
import { DEFAULTS, type PersonaAnalysisDeps } from '../configuration';
import type { HeldOutExchange, PersonaAnalysisUpdate, RefMessage } from '../state';

/** Splits the conversation into exchanges: the other side's messages, then the persona's reply. */
function exchangesOf(messages: RefMessage[]): { start: number; promptAt: number; replyAt: number }[] {
  const exchanges: { start: number; promptAt: number; replyAt: number }[] = [];
  let start = 0;
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.fromPersona && !messages[i - 1]!.fromPersona) {
      exchanges.push({ start, promptAt: i - 1, replyAt: i });
      start = i + 1;
    }
  }
  return exchanges;
}

/**
 * Loads the imported messages, holds out every fifth exchange (deterministic, so a re-run
 * scores the same exchanges) and renders the rest, with the description, into chunks.
 */
export async function loadMaterial(deps: PersonaAnalysisDeps): Promise<PersonaAnalysisUpdate> {
  const rows: TranscriptMessage[] = [];
  for (let afterSeq = 0; rows.length < DEFAULTS.maxMessages; ) {
    const page = await deps.transcripts.list(deps.persona.id, { afterSeq, limit: 1000 });
    if (page.length === 0) break;
    rows.push(...page);
    afterSeq = page.at(-1)!.seq;
  }
  const all: RefMessage[] = rows.map((m, i) => ({
    ref: `m${i + 1}`,
    id: m.id,
    sender: m.sender,
    fromPersona: m.role === 'persona',
    text: m.text,
    sentAt: m.sentAt,
  }));
  const exchanges = exchangesOf(all);
  const heldOutReplies = new Set<number>();
  const heldOut: HeldOutExchange[] = [];
  exchanges.forEach((x, n) => {
    if (n % 5 !== 4) return;
    heldOutReplies.add(x.replyAt);
    heldOut.push({ context: all.slice(Math.max(0, x.promptAt - 6), x.promptAt), prompt: all[x.promptAt]!, reply: all[x.replyAt]! });
  });
  const messages = all.filter((_, i) => !heldOutReplies.has(i));

  const size = deps.chunkSize ?? DEFAULTS.chunkSize;
  const chunks: string[] = [];
  const { persona } = deps;
  if (persona.description.trim()) chunks.push(`(The user's description of ${persona.name}, no ref)\n${persona.description}`);
  for (let i = 0; i < messages.length && chunks.length < (deps.maxChunks ?? DEFAULTS.maxChunks); i += size) {
    chunks.push(
      messages
        .slice(i, i + size)
        .map((m) => `${m.ref} [${m.fromPersona ? persona.name : m.sender}]: ${m.text.replace(/\n/g, ' ')}`)
        .join('\n'),
    );
  }
  if (chunks.length === 0) chunks.push(`(Only the name is known: ${persona.name})`);
  await deps.progress('material', 0.05);
  return { messages, heldOut, chunks, chunkIndex: 0 };
}
