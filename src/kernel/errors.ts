/**
 * Typed domain errors with stable codes. Domain operations throw these; graphql/format-error.ts
 * maps them once to GraphQLError `extensions.code`. Anything else surfaces as INTERNAL with
 * its message masked.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'PERSONA_NOT_FOUND'
  | 'CHAT_NOT_FOUND'
  | 'MESSAGE_NOT_FOUND'
  | 'MEMORY_NOT_FOUND'
  | 'REPLY_IN_PROGRESS'
  | 'VALIDATION_FAILED'
  | 'EMAIL_TAKEN'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'CONTENT_BLOCKED'
  | 'CONSENT_REQUIRED'
  | 'IMPORT_PARSE_FAILED'
  | 'STUDY_DATASET_INVALID'
  /** An upload whose content is not an accepted image or audio type (checked by its bytes, not its name). */
  | 'MEDIA_TYPE_UNSUPPORTED'
  | 'MEDIA_TOO_LARGE'
  /** Chat screenshots in which no message could be read. */
  | 'SCREENSHOT_UNREADABLE'
  /** Photo analysis needs a vision model (LLM_VISION_MODELS); the photo itself is stored. */
  | 'VISION_NOT_CONFIGURED'
  /** Voice needs audio models (LLM_TRANSCRIPTION_MODEL, LLM_SPEECH_MODEL). */
  | 'SPEECH_TO_TEXT_NOT_CONFIGURED'
  | 'TEXT_TO_SPEECH_NOT_CONFIGURED'
  | 'AI_SERVICE_UNAVAILABLE'
  /** A data store (transcripts, memory) cannot be reached right now; nothing was written; retry shortly. */
  | 'STORE_UNAVAILABLE'
  | 'IDENTITY_PROVIDER_NOT_CONFIGURED'
  | 'IDENTITY_PROVIDER_UNAVAILABLE'
  | 'INTERNAL';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe, client-visible details (never secrets or chat content). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', details: Record<string, unknown> = {}) {
    super('UNAUTHENTICATED', message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: Extract<ErrorCode, 'NOT_FOUND' | 'USER_NOT_FOUND' | 'PERSONA_NOT_FOUND' | 'CHAT_NOT_FOUND' | 'MESSAGE_NOT_FOUND' | 'MEMORY_NOT_FOUND'>, message: string) {
    super(code, message);
  }
}

/** Bad input. `field` names the offending argument path, e.g. `input.email`. */
export class ValidationError extends DomainError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super('VALIDATION_FAILED', message, { field, ...extra });
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many requests, try again later', { retryAfterSeconds });
  }
}

export class QuotaExceededError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('QUOTA_EXCEEDED', message, details);
  }
}

/** A data store cannot be reached (a network error, no server to select): retryable, nothing written. */
export class StoreUnavailableError extends DomainError {
  constructor(store: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', `The ${store} store cannot be reached right now; try again shortly`, { retryable: true });
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
