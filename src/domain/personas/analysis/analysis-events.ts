import type { ProfileStatus } from '../persona-profile.entity';

/** Progress of a persona analysis, streamed on personaAnalysisEvents(personaId). */
export interface PersonaAnalysisEvent {
  profileId: string;
  version: number;
  status: ProfileStatus;
  /** material, observations, profile, fidelity, done. */
  stage: string;
  /** 0–1. */
  progress: number;
  /** Why it failed, when it did (safe to show). */
  message?: string;
}

export const personaAnalysisTopic = (personaId: string) => `persona-analysis:${personaId}`;
export const PERSONA_ANALYSIS_JOB = 'persona-analysis';
