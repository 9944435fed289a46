import type { ModelProvider } from '../../ports/model-provider.port';
import { DomainError } from '../errors';

/**
 * Moderates what the user sends before anything of it is stored: a refused message never
 * becomes conversation history, so no later prompt, memory job or export to a model can
 * carry it (the provider's own input check sees only the newest message). A message about
 * self-harm is not refused: it is stored and answered with the supportive reply.
 */
export async function screenUserMessage(llm: Pick<ModelProvider, 'moderate'>, content: string): Promise<void> {
  const verdict = await llm.moderate(content, 'input');
  if (verdict.action !== 'block') return;
  throw new DomainError('CONTENT_BLOCKED', 'This message breaks the content rules', { category: verdict.categories[0] ?? 'unknown', categories: verdict.categories });
}
