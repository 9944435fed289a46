import type { ModelProvider } from '../../ports/model-provider.port';

/**
 * The texts output moderation allows, in order: for model outputs that are not streamed but
 * stored or shown piece by piece (coach suggestions, extracted memories), a flagged piece is
 * dropped rather than replaced, and the rest stands.
 */
export async function keepAllowed<T>(llm: Pick<ModelProvider, 'moderate'>, items: readonly T[], textOf: (item: T) => string): Promise<T[]> {
  const verdicts = await Promise.all(items.map((item) => llm.moderate(textOf(item), 'output')));
  return items.filter((_, i) => verdicts[i]!.action === 'allow');
}
