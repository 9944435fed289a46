import { wholeSentences } from '../scenario-generator/usable-scene';

/**
 * A role-play line the token cap cut off ("money can bec"), made into one a person could have
 * sent: up to its last whole sentence if it has one; else its whole words, trailing off with
 * "…" (the last word may be cut, so it goes). A line of a single cut word is kept as it is:
 * dropping it would leave nothing to say.
 */
export function cappedLine(text: string): string {
  const [body = '', end = ''] = text.split(/(?=\[END\])/i);
  const whole = wholeSentences(body.trimEnd());
  if (whole !== body.trimEnd()) return whole + end;
  const lastSpace = body.trimEnd().lastIndexOf(' ');
  if (lastSpace <= 0) return text;
  const words = body.slice(0, lastSpace).replace(/[\s,;:–—-]+$/u, '');
  return `${words}…${end}`;
}
