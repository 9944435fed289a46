import type { EventBus } from '../../ports/event-bus.port';
import type { StudyStatus } from './study.entity';

/** A study's progress as subscribers see it; the last one of a run has a terminal status. */
export interface StudyProgressEvent {
  studyId: string;
  status: StudyStatus;
  stage: string;
  /** 0–1. */
  fraction: number;
  errorCode: string | null;
  errorMessage: string | null;
  at: string;
}

export const STUDY_JOB = 'study';
export const studyTopic = (studyId: string) => `study:${studyId}`;
export const isTerminalStudyStatus = (status: StudyStatus) => status === 'SUCCEEDED' || status === 'FAILED';

export function publishStudyProgress(events: EventBus, event: StudyProgressEvent): Promise<void> {
  return events.publish(studyTopic(event.studyId), event);
}
