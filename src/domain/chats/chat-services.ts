import type { ChatDeps } from './chat-deps';
import type { ReplyWriter } from '../../ports/reply-writer.port';

/**
 * The services chat reads its deps from (AppServices has them; named here so chat does not
 * import the composition). `chat` is the runtime's reply writer, seen through its port.
 */
export type ChatServices = Omit<ChatDeps, 'settings'> & { config: { chat: ChatDeps['settings'] }; chat: ReplyWriter };

/** The chat's slice of the services, and the reply writer for operations that queue replies. */
export function chatDepsFrom(services: ChatServices): ChatDeps & { engine: ReplyWriter } {
  const { orm, chatStore, transcripts, chatEvents, events, llm, shortTermMemory, memories, jobs, runLock, scenarioLibrary, dataKeys, logger, clock, config } = services;
  return { orm, chatStore, transcripts, chatEvents, events, llm, shortTermMemory, memories, jobs, runLock, scenarioLibrary, dataKeys, logger, clock, settings: config.chat, engine: services.chat };
}
