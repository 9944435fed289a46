import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../observability/logger';
import type { ChatEventLog } from '../../ports/chat-event-log.port';
import type { ChatStore } from '../../ports/chat-store.port';
import type { Clock } from '../../ports/clock.port';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { JobRunner } from '../../ports/job-runner.port';
import type { MemoryStore } from '../../ports/memory-store.port';
import type { RunLock } from '../../ports/run-lock.port';
import type { ShortTermMemory } from '../../ports/short-term-memory.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import type { ModelProvider } from '../../ports/model-provider.port';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';

/** What live chat needs, handed in by the composition root (ports only). */
export interface ChatDeps {
  orm: MikroORM;
  /** Sessions, messages and the reply queue with its writer lease. */
  chatStore: ChatStore;
  transcripts: TranscriptStore;
  chatEvents: ChatEventLog;
  /** Carries reply-withdrawal notices between processes. */
  events: EventBus;
  llm: ModelProvider;
  shortTermMemory: ShortTermMemory;
  memories: MemoryStore;
  jobs: JobRunner;
  runLock: RunLock;
  scenarioLibrary: ScenarioTemplate[];
  /** Opens the persona's sealed speaking samples for the partner's prompt. */
  dataKeys: DataKeyRing;
  logger: Logger;
  /** When messages are sent and replies written (the timestamps stored with them). */
  clock: Clock;
  settings: { historyTokens: number; idleMs: number; memoryHalfLifeDays: number };
}
