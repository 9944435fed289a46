import type { Config } from '../config/config';
import type { Logger } from './logger';

/**
 * The variables with which LangChain switches LangSmith tracing on by itself
 * (@langchain/core utils/callbacks isTracingEnabled). Tracing uploads every prompt and reply.
 */
export const LANGSMITH_TRACING_VARIABLES = ['LANGSMITH_TRACING_V2', 'LANGCHAIN_TRACING_V2', 'LANGSMITH_TRACING', 'LANGCHAIN_TRACING'] as const;

/**
 * LangSmith tracing would send users' intimate chats to a hosted service, so it stays off
 * unless the operator opts in through SoulLink's own LANGSMITH_TRACING_ENABLED: otherwise the
 * variables LangChain reads are removed from `env`, whatever the shell or image set.
 */
export function applyLangsmithPolicy(config: Pick<Config, 'langsmithTracing'>, env: NodeJS.ProcessEnv, logger?: Logger): void {
  if (config.langsmithTracing) {
    logger?.warn('LangSmith tracing is enabled: prompts and replies, chats included, are sent to LangSmith');
    return;
  }
  const cleared = LANGSMITH_TRACING_VARIABLES.filter((name) => env[name] !== undefined);
  for (const name of cleared) delete env[name];
  if (cleared.length > 0) logger?.info({ cleared }, 'LangSmith tracing variables ignored (set LANGSMITH_TRACING_ENABLED=true to allow them)');
}
