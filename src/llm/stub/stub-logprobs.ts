import { createHash } from 'node:crypto';
import type { TokenLogprob } from '../openai-compat/chat-completion.response';

/**
 * The stub's token probabilities for a reply: a scripted reply that is a JSON object with a
 * `top_logprobs` record (token → probability) answers with exactly those; any other reply's
 * first word gets half the probability, and "Yes" and "No" share the rest in a proportion
 * fixed by a hash of the prompt, so a yes/no judge gets a deterministic, prompt-dependent
 * answer without a script.
 */
export function stubTopLogprobs(content: string, prompt: string): { first: string; top: TokenLogprob[] } {
  const scripted = scriptedProbabilities(content);
  if (scripted) {
    const top = Object.entries(scripted)
      .sort((a, b) => b[1] - a[1])
      .map(([token, p]) => ({ token, logprob: Math.log(Math.max(p, Number.MIN_VALUE)) }));
    return { first: top[0]?.token ?? '', top };
  }
  const first = content.trim().split(/\s+/)[0] ?? '';
  const share = createHash('sha256').update(prompt).digest().readUInt16BE(0) / 0xffff;
  const yes = 0.05 + 0.4 * share;
  const top = [
    { token: first, logprob: Math.log(0.5) },
    { token: 'Yes', logprob: Math.log(yes) },
    { token: 'No', logprob: Math.log(0.5 - yes) },
  ].filter((c, i, all) => c.token !== '' && all.findIndex((o) => o.token === c.token) === i);
  return { first, top };
}

function scriptedProbabilities(content: string): Record<string, number> | undefined {
  if (!content.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(content) as { top_logprobs?: unknown };
    const record = parsed.top_logprobs;
    if (typeof record !== 'object' || record === null) return undefined;
    return Object.fromEntries(Object.entries(record).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return undefined;
  }
}
