import type { EntityManager } from '@mikro-orm/postgresql';
import { featureValuesForPair, predictWithCard, type CandidatePrediction, type StudySchema, type ValidityCard } from '../../kernel/study';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import type { User } from '../accounts/user.entity';
import { loadImportedConversation } from '../conversations/load-imported-messages';
import { DomainError, ValidationError } from '../errors';
import { findOwnPersona } from '../personas/find-own-persona';
import { PersonaKind, type Persona } from '../personas/persona.entity';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';
import type { CompatibilityReport, DimensionEstimate, Estimate, ReportMeasure } from '../simulations/report/compatibility-report';
import { withReportDefaults } from '../simulations/report/stored-report';
import { Simulation, SimulationStatus } from '../simulations/simulation.entity';
import { startSimulation } from '../simulations/start-simulation';
import { validateInput } from '../validate-input';
import { PersonaStudyAttributes } from './persona-study-attributes.entity';
import { coupleKey, latestSimulationReports, SIMULATION_FEATURE_PREFIX, simulationFeatureValues } from './simulation-features';
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
  /** With simulateTopK: the candidate's short simulation and, once it has finished, its measures. */
  simulation: CandidateSimulation | null;
}

/**
 * A ranked candidate's short simulation. Simulations run as jobs, so a ranking that starts one
 * cannot wait for it: the measures are null until it finishes, and ranking again with the same
 * model reuses it (nothing new is started or spent) and adds its measures.
 */
export interface CandidateSimulation {
  id: string;
  status: SimulationStatus;
  /** True when this ranking started it; false when it reused one started by an earlier ranking. */
  startedNow: boolean;
  tokenBudget: number;
  tokensUsed: number;
  /** COMPLETED or PARTIAL: the compatibility report's figures (null before, or without a report). */
  episodes: number | null;
  overall: Estimate | null;
  dimensions: DimensionEstimate[];
  /** The report's pair-level conversation measures. */
  pairMeasures: ReportMeasure[];
}

export interface RankCandidatesDeps {
  em: EntityManager;
  transcripts: TranscriptStore;
  /** For simulateTopK: the scenario catalog and how a simulation job is queued. */
  library: ScenarioTemplate[];
  enqueueSimulation: (simulationId: string) => Promise<void>;
}

/**
 * Short simulations for the top k: one scenario, one episode, a few turns, a small budget each.
 * The budget is the simulation's hard cap, so a batch never spends more than the sum of the caps
 * it started.
 */
const SHORT_SIMULATION = { scenarioCount: 1, episodesPerScenario: 1, maxTurns: 8, tokenBudget: 40_000 };
const REASONS = 3;

/**
 * Ranks the caller's candidate PARTNER personas for their SELF persona by a match model's
 * calibrated probability, with its interval and the features that moved it most. Persona
 * features come from the study attributes set on the personas (and the persona's age when
 * the schema has an age attribute and none was set); conversation features from the chat
 * imported for the partner, when there is one and consent was given. A feature a candidate
 * lacks is imputed with the training mean and named in the reasons. For an ordinal match model
 * the probability is P(outcome ≥ positiveFrom), beside every cut's and the expected level. With
 * simulateTopK, short simulations start for the best k (within the caller's tier and the batch's
 * token budget; one that cannot start says why instead of failing the ranking), and ranking
 * again once they have finished adds their measures (see simulateTop).
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
  // A model fitted on simulation scores takes each couple's latest completed simulation.
  const usesSimulation = card.features.some((f) => f.name.startsWith(SIMULATION_FEATURE_PREFIX));
  const simulated = usesSimulation ? await latestSimulationReports(em, owner.id, partners.map((p) => ({ self: self.id, partner: p.id }))) : new Map();

  const scored: Omit<RankedCandidate, 'rank'>[] = [];
  for (const partner of partners) {
    const conversation = usesConversation && partner.consentGiven && partner.importedMessageCount > 0 ? (await loadImportedConversation(deps.transcripts, partner, {})).messages : undefined;
    const report = simulated.get(coupleKey(self.id, partner.id));
    const values = {
      ...featureValuesForPair(schema, attributesOf(self), attributesOf(partner), conversation),
      ...(usesSimulation ? (report ? simulationFeatureValues(report) : { 'sim:has_simulation': 0 }) : {}),
    };
    const prediction = predictWithCard(card, values);
    const notes = [
      ...(usesConversation && !conversation ? [conversationGap(partner)] : []),
      ...(usesSimulation && !report ? ['No completed simulation with this candidate, so the simulation scores were imputed (simulateTopK runs a short one; rank again once it has finished).'] : []),
    ];
    scored.push({
      personaId: partner.id,
      name: partner.name,
      prediction,
      reasons: reasonsFor(prediction, notes),
      usedConversation: conversation !== undefined,
      simulationId: null,
      simulationNote: null,
      simulation: null,
    });
  }
  scored.sort((a, b) => b.prediction.probability - a.prediction.probability || a.name.localeCompare(b.name));
  const candidates = scored.map((c, i) => ({ ...c, rank: i + 1 }));

  await simulateTop(deps, owner, self, model.id, candidates, data.simulateTopK ?? 0, data.simulationTokenBudget ?? null);
  return { modelId: model.id, candidates };
}

/**
 * The top k in rank order: reuse this model's earlier short simulation of the pair unless it
 * failed or was cancelled (adding its measures once it has finished), else start one if its
 * token cap still fits in the batch's budget. Once the budget cannot cover another cap, no
 * further simulation starts; later candidates still get any earlier simulation they have.
 */
async function simulateTop(
  deps: RankCandidatesDeps,
  owner: User,
  self: Persona,
  modelId: string,
  candidates: RankedCandidate[],
  k: number,
  tokenBudget: number | null,
): Promise<void> {
  const { em } = deps;
  const budget = tokenBudget ?? k * SHORT_SIMULATION.tokenBudget;
  let left = budget;
  for (const candidate of candidates.slice(0, k)) {
    const seed = `rank-${modelId.slice(0, 8)}-${candidate.personaId.slice(0, 8)}`;
    const earlier = await em.findOne(
      Simulation,
      { owner: owner.id, selfPersona: self.id, partnerPersona: candidate.personaId, seed, status: { $nin: [SimulationStatus.FAILED, SimulationStatus.CANCELLED] } },
      { orderBy: { createdAt: 'desc' } },
    );
    if (earlier) {
      candidate.simulationId = earlier.id;
      candidate.simulation = candidateSimulation(earlier, false);
      continue;
    }
    if (left < SHORT_SIMULATION.tokenBudget) {
      candidate.simulationNote = `No simulation: the batch's token budget (${budget} tokens) cannot cover another short simulation (up to ${SHORT_SIMULATION.tokenBudget} tokens each).`;
      continue;
    }
    try {
      const simulation = await startSimulation({ em, enqueue: deps.enqueueSimulation, library: deps.library }, owner, {
        selfPersonaId: self.id,
        partnerPersonaId: candidate.personaId,
        seed,
        ...SHORT_SIMULATION,
      });
      left -= SHORT_SIMULATION.tokenBudget;
      candidate.simulationId = simulation.id;
      candidate.simulation = candidateSimulation(simulation, true);
    } catch (err) {
      // A tier limit or missing consent stops this candidate's simulation, not the ranking.
      if (!(err instanceof DomainError)) throw err;
      candidate.simulationNote = `No simulation: ${err.message}`;
    }
  }
}

function candidateSimulation(simulation: Simulation, startedNow: boolean): CandidateSimulation {
  const finished = simulation.status === SimulationStatus.COMPLETED || simulation.status === SimulationStatus.PARTIAL;
  const report: CompatibilityReport | null = finished && simulation.report ? withReportDefaults(simulation.report) : null;
  return {
    id: simulation.id,
    status: simulation.status,
    startedNow,
    tokenBudget: simulation.tokenBudget,
    tokensUsed: simulation.tokensUsed,
    episodes: report ? report.episodes : null,
    overall: report ? report.overall : null,
    dimensions: report ? report.dimensions : [],
    pairMeasures: report ? report.measures.items.filter((m) => m.scope === 'PAIR') : [],
  };
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

function reasonsFor(prediction: CandidatePrediction, notes: string[]): string[] {
  const top = [...prediction.contributions].filter((c) => c.value !== null && c.contribution !== 0).sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, REASONS);
  const reasons = top.map((c) => `${c.description} (${formatValue(c.value!)}) ${c.contribution > 0 ? 'raises' : 'lowers'} the estimate (${signed(c.contribution)} on the log-odds scale).`);
  if (prediction.missing.length > 0) {
    reasons.push(`Not known for this candidate and imputed with the study's mean: ${prediction.missing.join(', ')}. Set them with setPersonaStudyAttributes for a sharper estimate.`);
  }
  reasons.push(...notes);
  return reasons;
}

const formatValue = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
