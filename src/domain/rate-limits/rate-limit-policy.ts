import { z } from 'zod';

/** Operation classes with their own limits (seed 001: chat, simulations, analyses, auth). */
export type RateClass = 'global' | 'auth' | 'loginAccount' | 'chat' | 'simulation' | 'analysis' | 'import';

export interface RateRule {
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;

/** Defaults; RATE_LIMITS (JSON) overrides any of them. */
export const DEFAULT_RATE_RULES: Record<RateClass, RateRule> = {
  /** Every operation, per user (or per address when signed out). */
  global: { limit: 600, windowMs: MINUTE },
  /** Sign-in, registration and refresh, per address. */
  auth: { limit: 30, windowMs: MINUTE },
  /** Password attempts per account, whatever the address (credential stuffing). */
  loginAccount: { limit: 10, windowMs: 15 * MINUTE },
  chat: { limit: 30, windowMs: MINUTE },
  simulation: { limit: 20, windowMs: 60 * MINUTE },
  analysis: { limit: 30, windowMs: 60 * MINUTE },
  import: { limit: 30, windowMs: 60 * MINUTE },
};

export const rateRulesOverride = z.partialRecord(
  z.enum(['global', 'auth', 'loginAccount', 'chat', 'simulation', 'analysis', 'import']),
  z.object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() }),
);

/** Which class each root field belongs to (besides `global`, which every operation counts in). */
export const RATE_CLASS_OF_FIELD: Readonly<Record<string, RateClass>> = {
  login: 'auth',
  register: 'auth',
  refreshSession: 'auth',
  signInWithIdToken: 'auth',
  startSimulation: 'simulation',
  analyzePersona: 'analysis',
  importChatLog: 'import',
  importCharacterCard: 'import',
  sendChatMessage: 'chat',
  regenerateReply: 'chat',
  forkChat: 'chat',
  scoreChat: 'analysis',
  exportMyData: 'import',
  deleteMyAccount: 'auth',
  changePassword: 'auth',
  requestPasswordReset: 'auth',
  resetPassword: 'auth',
  requestEmailVerification: 'auth',
  verifyEmail: 'auth',
  inviteAnalyst: 'auth',
  // Validation studies: parsing an upload and running a study are CPU-heavy.
  createStudyDataset: 'import',
  startStudy: 'analysis',
  // Media: OCR and vision calls cost CPU or tokens.
  previewScreenshotImport: 'import',
  importScreenshots: 'import',
  analyzePersonaPhoto: 'analysis',
  sendVoiceMessage: 'chat',
  speakChatMessage: 'chat',
};
