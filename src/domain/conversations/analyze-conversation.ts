import type { EntityManager } from '@mikro-orm/postgresql';
import { measureConversation, type ConversationMeasures } from '../../kernel/measures';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { DomainError, ValidationError } from '../errors';
import { findOwnPersona } from '../personas/find-own-persona';
import { PersonaKind, type Persona } from '../personas/persona.entity';
import { loadImportedConversation, type DateRange, type ImportedConversation } from './load-imported-messages';
import { buildRelationshipHealthReport, type RelationshipHealthReport } from './relationship-health-report';

export interface AnalyzeConversationInput {
  range?: DateRange | null;
  /** Offset from UTC (minutes) that splits the months; pass the one the chat was imported with. Default 0 (UTC), as imports. */
  timeZoneOffsetMinutes?: number | null;
}

type Deps = { em: EntityManager; transcripts: TranscriptStore };

/**
 * The relationship health report of a persona's imported chats. Owner-only (another user's
 * persona answers PERSONA_NOT_FOUND). A partner built from imported messages needs consent,
 * as for persona analysis (CONSENT_REQUIRED). A persona with no imported messages (or none in
 * the range) gets an empty report that says so in its summary and caveats, not an error: an
 * empty range is an answer, and a client renders both the same way.
 */
export async function analyzeConversation(deps: Deps, ownerId: string, personaId: string, input: AnalyzeConversationInput = {}): Promise<{ persona: Persona; report: RelationshipHealthReport }> {
  const { persona, conversation, range, offset } = await loadForAnalysis(deps, ownerId, personaId, input);
  return { persona, report: buildRelationshipHealthReport({ personaId: persona.id, conversation, range, timeZoneOffsetMinutes: offset }) };
}

/**
 * Only the measures of the imported conversation in a range (same rules as above): what a
 * client asks for one month's per-speaker detail, which the report's months hold deeper than
 * the API's query depth limit lets a client select.
 */
export async function measureImportedConversation(deps: Deps, ownerId: string, personaId: string, input: AnalyzeConversationInput = {}): Promise<ConversationMeasures> {
  const { conversation } = await loadForAnalysis(deps, ownerId, personaId, input);
  return measureConversation(conversation.messages, { speakers: conversation.speakers });
}

async function loadForAnalysis(
  deps: Deps,
  ownerId: string,
  personaId: string,
  input: AnalyzeConversationInput,
): Promise<{ persona: Persona; conversation: ImportedConversation; range: DateRange; offset: number }> {
  const range = validRange(input.range ?? {});
  const offset = input.timeZoneOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) throw new ValidationError('timeZoneOffsetMinutes', 'must be whole minutes between −840 and 840');
  const persona = await findOwnPersona(deps.em, ownerId, personaId);
  if (persona.kind === PersonaKind.PARTNER && persona.importedMessageCount > 0 && !persona.consentGiven) {
    throw new DomainError('CONSENT_REQUIRED', 'Confirm you may use this person’s messages (setPersonaConsent) before analysing them');
  }
  return { persona, conversation: await loadImportedConversation(deps.transcripts, persona, range), range, offset };
}

function validRange(range: DateRange): DateRange {
  for (const key of ['from', 'to'] as const) {
    const d = range[key];
    if (d !== undefined && d !== null && !Number.isFinite(d.getTime())) throw new ValidationError(`range.${key}`, 'is not a valid date');
  }
  if (range.from && range.to && range.from.getTime() > range.to.getTime()) throw new ValidationError('range', '`from` is after `to`');
  return range;
}
