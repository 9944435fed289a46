/** One next-token candidate as OpenAI reports it under `logprobs.content[i].top_logprobs`. */
export interface TopLogprob {
  token: string;
  logprob: number;
}

/**
 * The options' probabilities read off a model's likeliest next tokens: each candidate whose
 * text, trimmed and lower-cased, is an option adds its probability to that option (" Yes"
 * and "yes" are one answer). Normalised over the options; `mass` is what they held before.
 * All options unseen: uniform with mass 0, which the caller treats as no answer.
 */
export function distributionOf(candidates: readonly TopLogprob[], options: readonly string[]): { probabilities: number[]; mass: number } {
  const wanted = options.map((o) => o.trim().toLowerCase());
  const sums = wanted.map(() => 0);
  for (const candidate of candidates) {
    const at = wanted.indexOf(candidate.token.trim().toLowerCase());
    if (at >= 0 && Number.isFinite(candidate.logprob)) sums[at]! += Math.exp(candidate.logprob);
  }
  const mass = sums.reduce((a, b) => a + b, 0);
  return { probabilities: mass > 0 ? sums.map((p) => p / mass) : wanted.map(() => 1 / wanted.length), mass: Math.min(1, mass) };
}

/** The first generated token's candidates in an OpenAI chat completion's `logprobs`, if it reported any. */
export function firstTokenCandidates(logprobs: unknown): TopLogprob[] | undefined {
  const content = (logprobs as { content?: { top_logprobs?: unknown }[] } | null | undefined)?.content;
  const top = Array.isArray(content) ? content[0]?.top_logprobs : undefined;
  if (!Array.isArray(top) || top.length === 0) return undefined;
  return top.filter((c): c is TopLogprob => typeof c?.token === 'string' && typeof c?.logprob === 'number');
}
