/**
 * Templates name the two sides `{{self}}` and `{{partner}}`; instantiation puts the personas'
 * names in. Anything else in double braces is a typo ({{user}}, {{partnr}}) that would reach
 * the agents verbatim, so the schema refuses it.
 */
const KNOWN = /\{\{\s*(self|partner)\s*\}\}/g;
const ANY = /\{\{([^{}]*)\}\}/g;

export interface PlaceholderNames {
  self: string;
  partner: string;
}

/** One pass, so a name that itself reads "{{partner}}" is inserted literally, not expanded. */
export function fillPlaceholders(text: string, names: PlaceholderNames): string {
  return text.replace(KNOWN, (_match, who: 'self' | 'partner') => names[who]);
}

/** The `{{…}}` tokens in `text` that are neither {{self}} nor {{partner}}. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(ANY)].filter((m) => !/^\s*(self|partner)\s*$/.test(m[1]!)).map((m) => m[0]);
}
