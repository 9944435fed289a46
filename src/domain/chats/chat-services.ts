import type { ChatDeps } from './chat-deps';
import type { ChatEngine } from './chat-engine';

/** The services chat reads its deps from (AppServices has them; named here so chat does not import the composition). */
export type ChatServices = Omit<ChatDeps, 'settings'> & { config: { chat: ChatDeps['settings'] }; chat: ChatEngine };

/** The chat's slice of the services, and the engine for operations that queue replies. */
export function chatDepsFrom(services: ChatServices): ChatDeps & { engine: ChatEngine } {
  const { orm, chatStore, transcripts, chatEvents, events, llm, shortTermMemory, memories, jobs, runLock, scenarioLibrary, dataKeys, logger, config } = services;
  return { orm, chatStore, transcripts, chatEvents, events, llm, shortTermMemory, memories, jobs, runLock, scenarioLibrary, dataKeys, logger, settings: config.chat, engine: services.chat };
}
