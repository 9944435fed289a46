import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { Persona } from './persona.entity';

/**
 * The person's own words in a style fingerprint — representative messages and habitual
 * phrases, copied from imported chats — are stored like the messages themselves: sealed with
 * the owner's data key (AES-256-GCM, bound to owner and persona), in one `sealedText` value
 * beside the plain measurements. Erasing the account (its data key) makes them unreadable
 * wherever a copy of the row lives.
 */
const TEXT_FIELDS = ['samples', 'frequentPhrases'] as const;
const SEALED_TEXT = 'sealedText';

/** Where a fingerprint's sealed text belongs: moved onto another persona or user, it does not open. */
const placeOf = (ownerId: string, personaId: string) => JSON.stringify(['persona', 'styleFingerprint', ownerId, personaId]);

function split(fingerprint: Record<string, unknown>): { measures: Record<string, unknown>; text: Record<string, unknown> } {
  const measures: Record<string, unknown> = {};
  const text: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fingerprint)) {
    if ((TEXT_FIELDS as readonly string[]).includes(key)) text[key] = value;
    else if (key !== SEALED_TEXT) measures[key] = value;
  }
  return { measures, text };
}

/** The stored form of a freshly computed fingerprint: measurements in the clear, the words sealed. */
export async function sealStyleFingerprint(keys: DataKeyRing, ownerId: string, personaId: string, fingerprint: Record<string, unknown> | null): Promise<Record<string, unknown> | null> {
  if (!fingerprint) return null;
  const { measures, text } = split(fingerprint);
  if (Object.keys(text).length === 0) return measures;
  return { ...measures, [SEALED_TEXT]: await keys.sealText(ownerId, JSON.stringify(text), placeOf(ownerId, personaId)) };
}

/**
 * The fingerprint with its words readable again, for the prompts, the card export and the
 * owner's view. A fingerprint stored without sealed text (a Character Card's fields, or one
 * written before encryption) is returned as it is; a user without a data key (erased) gets
 * the measurements only.
 */
export async function openStyleFingerprint(
  keys: DataKeyRing,
  persona: { id: string; owner: { id: string }; styleFingerprint: Persona['styleFingerprint'] },
): Promise<Record<string, unknown> | null> {
  const stored = persona.styleFingerprint;
  const sealed = stored?.[SEALED_TEXT];
  if (!stored || typeof sealed !== 'string') return stored;
  const { measures } = split(stored);
  const opened = await keys.openText(persona.owner.id, sealed, placeOf(persona.owner.id, persona.id));
  if (opened === null) return measures;
  return { ...measures, ...(JSON.parse(opened) as Record<string, unknown>) };
}

/** Representative messages kept in an opened style fingerprint (empty when none, or still sealed). */
export function styleSamples(fingerprint: Record<string, unknown> | null): string[] {
  const samples = fingerprint?.samples;
  return Array.isArray(samples) ? samples.filter((s): s is string => typeof s === 'string') : [];
}
