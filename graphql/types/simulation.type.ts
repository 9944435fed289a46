import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SimulationStatus, type Simulation } from '../../src/domain/simulations/simulation.entity';

registerEnumType(SimulationStatus, {
  name: 'SimulationStatus',
  description: 'Where a simulation stands: QUEUED → RUNNING → COMPLETED or PARTIAL, or FAILED, or CANCELLED.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Episodes are being played and scored.' },
    COMPLETED: { description: 'Every planned episode was played; the report is ready.' },
    PARTIAL: { description: 'The token budget ran out first; the report covers the episodes that finished.' },
    FAILED: { description: 'The run failed (failureReason says why).' },
    CANCELLED: { description: 'Cancelled by its owner; a report covers what finished, if anything did.' },
  },
});

@ObjectType('Simulation', { description: 'A compatibility simulation: SELF × PARTNER over seeded scenario episodes.' })
export class SimulationType {
  @Field(() => ID, { description: 'The simulation’s id.' })
  id!: string;

  @Field(() => SimulationStatus, { description: 'Where it stands.' })
  status!: SimulationStatus;

  @Field(() => ID, { description: 'Your SELF persona, played by the user-proxy agent.' })
  selfPersonaId!: string;

  @Field(() => ID, { description: 'The PARTNER persona, played by the partner agent.' })
  partnerPersonaId!: string;

  @Field({ description: 'The seed that picked scenarios and drew each episode’s scene: the same seed and models give the same episodes.' })
  seed!: string;

  @Field(() => [String], { description: 'The scenario template ids you asked for; null when the seed picked scenarioCount of them.', nullable: true })
  scenarioIds!: string[] | null;

  @Field(() => Int, { description: 'Scenarios played.' })
  scenarioCount!: number;

  @Field(() => Int, { description: 'Episodes played per scenario (each draws its own setting, stakes and events).' })
  episodesPerScenario!: number;

  @Field(() => Int, { description: 'Most turns per episode.' })
  maxTurns!: number;

  @Field(() => Int, { description: 'Token cap of the run: at it, no new episode starts and the run ends PARTIAL.' })
  tokenBudget!: number;

  @Field(() => Int, { description: 'Model tokens used so far (final once it has ended).' })
  tokensUsed!: number;

  @Field(() => Float, { description: 'What those tokens cost, USD (configured price table).' })
  costUsd!: number;

  @Field(() => String, { description: 'FAILED: why, for people; null otherwise.', nullable: true })
  failureReason!: string | null;

  @Field({ description: 'When it was queued.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it ended; null while QUEUED or RUNNING.', nullable: true })
  finishedAt!: Date | null;

  static from(s: Simulation): SimulationType {
    return Object.assign(new SimulationType(), {
      id: s.id,
      status: s.status,
      selfPersonaId: s.selfPersona.id,
      partnerPersonaId: s.partnerPersona.id,
      seed: s.seed,
      scenarioIds: s.scenarioIds,
      scenarioCount: s.scenarioCount,
      episodesPerScenario: s.episodesPerScenario,
      maxTurns: s.maxTurns,
      tokenBudget: s.tokenBudget,
      tokensUsed: s.tokensUsed,
      costUsd: Number(s.costUsd),
      failureReason: s.failureReason,
      createdAt: s.createdAt,
      finishedAt: s.finishedAt,
    });
  }
}

@ObjectType('SimulationEstimate', { description: 'A cost preview; nothing runs.' })
export class SimulationEstimateType {
  @Field(() => Int, { description: 'Episodes it would play.' })
  episodes!: number;

  @Field(() => Int, { description: 'Turns it would play at most (episodes × maxTurns).' })
  turns!: number;

  @Field(() => Int, { description: 'Estimated prompt tokens (an upper-end estimate).' })
  promptTokens!: number;

  @Field(() => Int, { description: 'Estimated completion tokens.' })
  completionTokens!: number;

  @Field(() => Int, { description: 'promptTokens + completionTokens; compare with tokenBudget and your monthly tokens.' })
  totalTokens!: number;

  @Field(() => Float, { description: 'Estimated cost, USD (configured price table).' })
  costUsd!: number;
}

@InputType({ description: 'What to simulate: which two personas, which scenarios, how many episodes and turns, and the token cap.' })
export class StartSimulationInput {
  @Field(() => ID, { description: 'Your SELF persona.' })
  selfPersonaId!: string;

  @Field(() => ID, { description: 'One of your PARTNER personas (it needs consent if its messages were imported).' })
  partnerPersonaId!: string;

  @Field(() => [String], { nullable: true, description: 'Scenario template ids; otherwise scenarioCount are picked by the seed.' })
  scenarioIds?: string[];

  @Field(() => Int, { description: 'Scenarios the seed picks when scenarioIds is left out, 1–20.', nullable: true, defaultValue: 2 })
  scenarioCount?: number;

  @Field(() => Int, { description: 'Episodes per scenario, 1–20 (more episodes: narrower intervals).', nullable: true, defaultValue: 2 })
  episodesPerScenario?: number;

  @Field(() => Int, { description: 'Most turns per episode, 2–40 (a scenario’s own maxTurns may be lower).', nullable: true, defaultValue: 12 })
  maxTurns?: number;

  @Field({ nullable: true, description: 'Same seed and models → same episodes.' })
  seed?: string;

  @Field(() => Int, { description: 'Token cap of the run, up to 5,000,000 (and within your monthly tokens).', nullable: true, defaultValue: 200000 })
  tokenBudget?: number;
}

export enum ReportFormat {
  MARKDOWN = 'MARKDOWN',
  HTML = 'HTML',
  JSON = 'JSON',
}
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  description: 'The format a report document is rendered in.',
  valuesConfig: {
    MARKDOWN: { description: 'Markdown text (text/markdown).' },
    HTML: { description: 'One self-contained HTML page with inline SVG charts (text/html).' },
    JSON: { description: 'The report’s data as JSON text (application/json).' },
  },
});

@ObjectType('ReportDocument', { description: 'A report rendered as a document to save or show.' })
export class ReportDocumentType {
  @Field({ description: 'MIME type of body: text/markdown, text/html or application/json.' })
  contentType!: string;

  @Field({ description: 'The document itself, as text.' })
  body!: string;
}
