import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from './auth-checker';
import { attachFieldMiddlewares } from './field-middlewares';
import { checkSubscriptionArgumentsOnce } from './limits/subscription-argument-bounds';
import { countSubscriptionsOnce } from './rate-limit.middleware';
import { AccountResolver } from './resolvers/account.resolver';
import { UsageResolver } from './resolvers/usage.resolver';
import { PersonaAnalysisResolver } from './resolvers/persona-analysis.resolver';
import { PersonaResolver } from './resolvers/persona.resolver';
import { CharacterCardResolver } from './resolvers/character-card.resolver';
import { SimulationResolver } from './resolvers/simulation.resolver';
import { PersonaImportResolver } from './resolvers/persona-import.resolver';
import { ChatResolver } from './resolvers/chat.resolver';
import { ChatEventsResolver, resolveChatEventsPlainly } from './resolvers/chat-events.resolver';
import { MemoryResolver } from './resolvers/memory.resolver';
import { DataRightsResolver } from './resolvers/data-rights.resolver';
import { AccessResolver } from './resolvers/access.resolver';
import { ConversationAnalysisResolver } from './resolvers/conversation-analysis.resolver';
import { StudyDatasetResolver } from './resolvers/study-dataset.resolver';
import { StudyResolver } from './resolvers/study.resolver';
import { StudyMatchModelResolver } from './resolvers/study-match-model.resolver';
import { StudyPersonaAttributesResolver } from './resolvers/study-persona-attributes.resolver';
import { MediaResolver } from './resolvers/media.resolver';
import { VoiceResolver } from './resolvers/voice.resolver';

/** The resolvers that make up the API. */
export const resolvers = [AccountResolver, UsageResolver, PersonaResolver, PersonaImportResolver, PersonaAnalysisResolver, CharacterCardResolver, SimulationResolver, ChatResolver, ChatEventsResolver, MemoryResolver, DataRightsResolver, AccessResolver, ConversationAnalysisResolver, StudyDatasetResolver, StudyResolver, StudyMatchModelResolver, StudyPersonaAttributesResolver, MediaResolver, VoiceResolver] as const;

/** Builds the executable schema (no side effects; `soullink emit-schema` writes the SDL). */
/**
 * type-graphql insists on a PubSub even when every @Subscription has its own `subscribe`.
 * Ours do: they subscribe through the context's EventBus (Redis or in-process), which
 * belongs to the app instance, not to the schema. Topic-based subscriptions are not used.
 */
const noTopicPubSub: PubSub = {
  publish: () => {
    throw new Error('publish through services.events, not the schema PubSub');
  },
  subscribe: () => {
    throw new Error('subscribe through services.events in the @Subscription subscribe option');
  },
};

export function buildAppSchema(): Promise<GraphQLSchema> {
  // Rate limits and argument bounds on the fields where they act (root and argument-taking
  // fields), not as globalMiddlewares: those would wrap every plain field too.
  attachFieldMiddlewares(resolvers);
  return buildSchema({
    resolvers,
    authChecker,
    // Input rules live in src/domain so GraphQL, CLI and jobs share them.
    validate: false,
    emitSchemaFile: false,
    pubSub: noTopicPubSub,
    // Subscriptions count once and have their arguments checked once, when subscribed
    // (middlewares run per event): counted first, as queries are.
    // Chat events resolve without type-graphql's per-call pipeline (see resolveChatEventsPlainly).
  })
    .then(checkSubscriptionArgumentsOnce)
    .then(countSubscriptionsOnce)
    .then(resolveChatEventsPlainly);
}
