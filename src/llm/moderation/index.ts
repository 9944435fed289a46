export * from '../../ports/moderation.port';
export { verdictFrom, isSelfHarmCategory, SELF_HARM_CATEGORIES } from './verdict-policy';
export {
  LocalModerator,
  DEFAULT_THRESHOLDS,
  type LocalModeratorOptions,
  type ModerationThresholds,
  type RuleHit,
} from './local-moderator';
export { OpenAiModerator, DEFAULT_MODERATION_MODEL, type OpenAiModeratorOptions } from './openai-moderator';
export { ModerationUnavailableError, type ModerationFailure } from './moderation-unavailable.error';
export { FallbackModerator } from './fallback-moderator';
export {
  supportReply,
  safeOutputReply,
  outputReplacement,
  replyLanguageOf,
  HELP_RESOURCES,
  type ReplyLanguage,
  type HelpResource,
} from './support-replies';
