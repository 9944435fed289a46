import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../../src/app-services';
import { chatMessageAlternativesLoader } from './chat-message-alternatives.loader';
import { studyResultsLoader } from './study-results.loader';

/**
 * DataLoaders of one operation, made by the context factory with the operation's own
 * EntityManager: batching and caching never cross requests or users. Field resolvers that
 * would otherwise query once per item of a list go through these.
 */
export interface RequestLoaders {
  chatMessageAlternatives: ReturnType<typeof chatMessageAlternativesLoader>;
  studyResults: ReturnType<typeof studyResultsLoader>;
}

export function createRequestLoaders(services: Pick<AppServices, 'transcripts' | 'chatStore'>, em: EntityManager): RequestLoaders {
  return { chatMessageAlternatives: chatMessageAlternativesLoader(services), studyResults: studyResultsLoader(em) };
}
