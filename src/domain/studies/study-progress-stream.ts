import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../ports/event-bus.port';
import { isTerminalStudyStatus, studyTopic, type StudyProgressEvent } from './study-events';
import { Study } from './study.entity';

/**
 * A study's progress: first where it stands now (from its row), then live events, ending after
 * the terminal one (SUCCEEDED or FAILED). Subscribing before reading the row closes the gap
 * between the two; a study already finished yields its terminal state and ends.
 */
export async function* studyProgressStream(deps: { em: EntityManager; events: EventBus }, studyId: string): AsyncGenerator<StudyProgressEvent> {
  const live = await deps.events.subscribe<StudyProgressEvent>(studyTopic(studyId));
  try {
    const row = await deps.em.fork().findOneOrFail(Study, studyId);
    const now: StudyProgressEvent = {
      studyId,
      status: row.status,
      stage: row.stage,
      fraction: row.progress,
      errorCode: row.errorCode,
      errorMessage: row.errorMessage,
      at: (row.finishedAt ?? row.startedAt ?? row.createdAt).toISOString(),
    };
    yield now;
    if (isTerminalStudyStatus(now.status)) return;
    for await (const event of live) {
      // Progress only moves forward: an event older than the snapshot is skipped.
      if (event.status === 'RUNNING' && event.fraction < now.fraction) continue;
      yield event;
      if (isTerminalStudyStatus(event.status)) return;
    }
  } finally {
    await live.return?.();
  }
}
