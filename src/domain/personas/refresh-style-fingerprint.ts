import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import type { Persona } from './persona.entity';
import { sealStyleFingerprint } from './style-samples';
import { computeStyleFingerprint } from './style/style-fingerprint';

const MAX_MESSAGES = 20_000;

/** A captioned photo is stored as "[media: image]\n<caption>": the caption is theirs, the marker is not. */
function withoutMediaMarker(text: string): string {
  const match = /^\[media: [a-z-]+\]\n([\s\S]+)$/.exec(text);
  return match ? match[1]! : text;
}

/**
 * Recomputes the persona's style fingerprint from all of its imported messages; the words it
 * keeps (samples, phrases) are stored sealed with the owner's data key (style-samples.ts).
 */
export async function refreshStyleFingerprint(transcripts: TranscriptStore, keys: DataKeyRing, persona: Persona): Promise<void> {
  const messages: { text: string; sentAt: Date | null; fromPersona: boolean }[] = [];
  for (let afterSeq = 0; messages.length < MAX_MESSAGES; ) {
    const page = await transcripts.list(persona.id, { afterSeq, limit: 1000 });
    if (page.length === 0) break;
    for (const m of page) messages.push({ text: withoutMediaMarker(m.text), sentAt: m.sentAt, fromPersona: m.role === 'persona' });
    afterSeq = page.at(-1)!.seq;
  }
  const hasPersonaMessages = messages.some((m) => m.fromPersona);
  const computed = hasPersonaMessages ? (computeStyleFingerprint(messages) as unknown as Record<string, unknown>) : null;
  persona.styleFingerprint = await sealStyleFingerprint(keys, persona.owner.id, persona.id, computed);
}
