import type { EntityManager } from '@mikro-orm/postgresql';
import { featureValuesForPair, predictWithCard, type CandidatePrediction, type StudySchema, type ValidityCard } from '../../kernel/study';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import type { User } from '../accounts/user.entity';
import { loadImportedConversation } from '../conversations/load-imported-messages';
import { DomainError, ValidationError } from '../errors';
import { findOwnPersona } from '../personas/find-own-persona';
import { PersonaKind, type Persona } from '../personas/persona.entity';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';
import { startSimulation } from '../simulations/start-simulation';
import { validateInput } from '../validate-input';
import { PersonaStudyAttributes } from './persona-study-attributes.entity';
import { rankCandidatesInput } from './study-input';
import { findOwnMatchModel } from './study-ownership';

export interface RankedCandidate {
  personaId: string;
  name: string;
  rank: number;
  prediction: CandidatePrediction;
  /** Plain-language reasons: the strongest contributions, then what was imputed. */
  reasons: string[];
  /** Whether the partner's imported chat supplied the conversation features. */
  usedConversation: boolean;
  simulationId: string | null;
  simulationNote: string | null;
}

export interface RankCandidatesDeps {
  em: EntityManager;
  transcripts: TranscriptStore;
  /** For simulateTopK: the scenario catalog and how a simulation job is queued. */
  library: ScenarioTemplate[];
  enqueueSimulation: (simulationId: string) => Promise<void>;
}

/** Short simulations for the top k: one scenario, one episode, a few turns, a small budget each. */
const SHORT_SIMULATION = { scenarioCount: 1, episodesPerScenario: 1, maxTurns: 8, tokenBudget: 40_000 };
const REASONS = 3;

/**
 * Ranks the caller's candidate PARTNER personas for their SELF persona by a match model's
 * calibrated probability, with its interval and the features that moved it most. Persona
 * features come from the study attributes set on the personas (and the persona's age when
 * the schema has an age attribute and none was set); conversation features from the chat
 * imported for the partner, when there is one and consent was given. A feature a candidate
 * lacks is imputed with the training mean and named in the reasons. With simulateTopK, short
 * simulations start for the best k (within the caller's tier and budget; one that cannot
 * start says why instead of failing the ranking).
 */
export async function rankCandidates(deps: RankCandidatesDeps, owner: User, input: unknown): Promise<{ modelId: string; candidates: RankedCandidate[] }> {
  const data = validateInput(rankCandidatesInput, input);
  const { em } = deps;
  const model = await findOwnMatchModel(em, owner.id, data.modelId);
  const card = model.card as unknown as ValidityCard;
  const schema = model.schema as unknown as StudySchema;
  const self = await findOwnPersona(em, owner.id, data.selfPersonaId);
  if (self.kind !== PersonaKind.SELF) throw new ValidationError('input.selfPersonaId', 'input.selfPersonaId: must be your SELF persona');
  const ids = [...new Set(data.partnerPersonaIds)];
  const partners: Persona[] = [];
  for (const id of ids) {
    const partner = await findOwnPersona(em, owner.id, id);
    if (partner.kind !== PersonaKind.PARTNER) throw new ValidationError('input.partnerPersonaIds', 'input.partnerPersonaIds: every candidate must be a PARTNER persona');
    partners.push(partner);
  }
  const stored = await em.find(PersonaStudyAttributes, { persona: { $in: [self.id, ...partners.map((p) => p.id)] } });
  const attributesOf = (p: Persona) => withAge(schema, p, stored.find((s) => s.persona.id === p.id)?.attributes ?? {});
  const usesConversation = card.features.some((f) => f.name.startsWith('conv:'));

  const scored: Omit<RankedCandidate, 'rank'>[] = [];
  for (const partner of partners) {
    const conversation = usesConversation && partner.consentGiven && partner.importedMessageCount > 0 ? (await loadImportedConversation(deps.transcripts, partner, {})).messages : undefined;
    const values = featureValuesForPair(schema, attributesOf(self), attributesOf(partner), conversation);
    const prediction = predictWithCard(card, values);
    scored.push({
      personaId: partner.id,
      name: partner.name,
      prediction,
      reasons: reasonsFor(prediction, usesConversation && !conversation ? conversationGap(partner) : null),
      usedConversation: conversation !== undefined,
      simulationId: null,
      simulationNote: null,
    });
  }
  scored.sort((a, b) => b.prediction.probability - a.prediction.probability || a.name.localeCompare(b.name));
  const candidates = scored.map((c, i) => ({ ...c, rank: i + 1 }));

  for (const candidate of candidates.slice(0, data.simulateTopK ?? 0)) {
    try {
      const simulation = await startSimulation({ em, enqueue: deps.enqueueSimulation, library: deps.library }, owner, {
        selfPersonaId: self.id,
        partnerPersonaId: candidate.personaId,
        seed: `rank-${model.id.slice(0, 8)}-${candidate.personaId.slice(0, 8)}`,
        ...SHORT_SIMULATION,
      });
      candidate.simulationId = simulation.id;
    } catch (err) {
      // A tier limit or missing consent stops this candidate's simulation, not the ranking.
      if (!(err instanceof DomainError)) throw err;
      candidate.simulationNote = `No simulation: ${err.message}`;
    }
  }
  return { modelId: model.id, candidates };
}

/** The persona's age stands in for the schema's age attribute when the analyst did not set it. */
function withAge(schema: StudySchema, persona: Persona, attributes: Record<string, number | string>): Record<string, number | string | null> {
  const age = schema.people.attributes.find((a) => a.role === 'age');
  if (age && !(age.column in attributes) && persona.age !== null) return { ...attributes, [age.column]: persona.age };
  return { ...attributes };
}

function conversationGap(partner: Persona): string {
  if (partner.importedMessageCount === 0) return 'No chat is imported for this candidate, so the conversation features were imputed.';
  return 'Consent to use this candidate’s imported messages is not given (setPersonaConsent), so the conversation features were imputed.';
}

function reasonsFor(prediction: CandidatePrediction, conversationNote: string | null): string[] {
  const top = [...prediction.contributions].filter((c) => c.value !== null && c.contribution !== 0).sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, REASONS);
  const reasons = top.map((c) => `${c.description} (${formatValue(c.value!)}) ${c.contribution > 0 ? 'raises' : 'lowers'} the estimate (${signed(c.contribution)} on the log-odds scale).`);
  if (prediction.missing.length > 0) {
    reasons.push(`Not known for this candidate and imputed with the study's mean: ${prediction.missing.join(', ')}. Set them with setPersonaStudyAttributes for a sharper estimate.`);
  }
  if (conversationNote) reasons.push(conversationNote);
  return reasons;
}

const formatValue = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
