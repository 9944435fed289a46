/** Longer than this and the "scene" is a story, or the model did not stop. */
const MAX_SCENE_CHARS = 700;
const MIN_SCENE_CHARS = 20;
/** A run of this many words shared with the instructions means the model echoed them. */
const ECHO_WORDS = 6;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

function ngrams(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/**
 * The model's scene text, cleaned, or null when it cannot be used: empty or too long, a
 * refusal or meta-talk, markup, an end marker, or a run of words copied from the
 * instructions (small models echo their prompt). `instructions` is the prompt's own wording
 * without the facts it was given: those (setting, stakes) may be repeated, they are what a
 * scene is made of.
 */
export function usableScene(text: string, instructions: string): string | null {
  const clean = wholeSentences(text.replace(/\s+/g, ' ').trim().replace(/^["'“]+|["'”]+$/g, '').trim());
  if (clean.length < MIN_SCENE_CHARS || clean.length > MAX_SCENE_CHARS) return null;
  if (/[{}<>[\]]|\bas an ai\b|\bi can(?:not|'t)\b|\bprivate goal\b|\bscene:/i.test(clean)) return null;
  const echoed = ngrams(instructions, ECHO_WORDS);
  for (const gram of ngrams(clean, ECHO_WORDS)) if (echoed.has(gram)) return null;
  return clean;
}

/**
 * The text up to its last complete sentence: the scene is asked for with a small token cap
 * (a 1B model on a CPU spends ~0.1 s a token), and a reply cut at the cap ends mid-sentence.
 * Text without any sentence end is kept whole.
 */
export function wholeSentences(text: string): string {
  const ends = [...text.matchAll(/[.!?。！？…]["'”’)]?(?=\s|$)/gu)];
  const last = ends.at(-1);
  return last ? text.slice(0, last.index + last[0].length) : text;
}
