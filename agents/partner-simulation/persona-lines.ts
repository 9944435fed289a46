/** What both role-play agents know of a persona (the partner's and the SELF persona alike). */
export interface PersonaMaterial {
  name: string;
  age: number | null;
  gender: string | null;
  relationshipContext: string | null;
  description: string;
  interests: string[];
  values: string[];
  /** The analysed profile's summary (persona-analysis), when one finished. */
  profileSummary: string | null;
  /** The measured writing style as "- …" lines (describeStyle), null when no messages were imported. */
  styleSummary: string | null;
  /** Messages the person really wrote (from imported chats). */
  samples: string[];
}

/**
 * Limits that keep a persona to a few short lines. A 1B model drowns in a long labelled sheet
 * and recites it ("About you: Age 29; …"); a large model loses nothing by the brevity.
 */
export const PERSONA_LIMITS = { descriptionChars: 220, profileChars: 260, samples: 3, sampleChars: 90, listItems: 4 } as const;

const clip = (text: string, max: number) => {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  // Cut at the last sentence end (or word) before the limit, never mid-word.
  const cut = t.slice(0, max);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
};

const list = (items: string[]) => {
  const shown = items.map((i) => i.trim()).filter(Boolean).slice(0, PERSONA_LIMITS.listItems);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
};

/** "29, woman" style details after the name. */
function whoDetails(p: PersonaMaterial): string {
  return [p.age !== null ? String(p.age) : '', p.gender?.trim() ?? ''].filter(Boolean).join(', ');
}

/** The measured style as one sentence ("- usually 20 characters\n- …" → "usually 20 characters; …"). */
export function styleSentence(styleSummary: string | null): string {
  if (!styleSummary) return '';
  const parts = styleSummary
    .split('\n')
    .map((l) => l.replace(/^\s*-\s*/, '').trim())
    .filter(Boolean);
  return parts.length > 0 ? `Your texting style: ${parts.join('; ')}.` : '';
}

/** A few real messages, short ones first: examples of voice, not lines to copy. */
export function sampleLines(samples: readonly string[]): string[] {
  return [...new Set(samples.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0 && s.length <= PERSONA_LIMITS.sampleChars))].slice(0, PERSONA_LIMITS.samples);
}

/**
 * The persona in second person, in a few plain sentences (no "Age:" labels to recite): who
 * they are, what they like and value, the analysed profile, how they text, and a few of
 * their real messages as examples of their voice.
 */
export function personaLines(p: PersonaMaterial): string {
  const details = whoDetails(p);
  const lines = [`You are ${p.name}${details ? ` (${details})` : ''}.${p.description.trim() ? ` ${clip(p.description, PERSONA_LIMITS.descriptionChars)}` : ''}`];
  const likes = list(p.interests);
  const values = list(p.values);
  if (likes || values) lines.push([likes && `You enjoy ${likes}`, values && `you care about ${values}`].filter(Boolean).join('; ') + '.');
  if (p.profileSummary?.trim()) lines.push(clip(p.profileSummary, PERSONA_LIMITS.profileChars));
  const style = styleSentence(p.styleSummary);
  if (style) lines.push(style);
  const samples = sampleLines(p.samples);
  if (samples.length > 0) lines.push(`Texts you have sent before: ${samples.map((s) => `“${s}”`).join(' ')}`);
  return lines.join('\n');
}

/** One line on who the other person is, for the agent talking to them. */
export function otherPersonLine(p: Pick<PersonaMaterial, 'name' | 'age' | 'gender' | 'description'>, relationshipContext: string | null): string {
  const details = whoDetails({ ...p, relationshipContext: null, interests: [], values: [], profileSummary: null, styleSummary: null, samples: [] });
  const about = p.description.trim() ? ` ${clip(p.description, 140)}` : '';
  return `You are texting ${p.name}${details ? ` (${details})` : ''}${relationshipContext ? `, ${relationshipContext}` : ''}.${about}`;
}
