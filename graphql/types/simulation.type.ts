import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SimulationStatus, type Simulation } from '../../src/domain/simulations/simulation.entity';

registerEnumType(SimulationStatus, { name: 'SimulationStatus' });

@ObjectType('Simulation', { description: 'A compatibility simulation: SELF × PARTNER over seeded scenario episodes.' })
export class SimulationType {
  @Field(() => ID)
  id!: string;

  @Field(() => SimulationStatus)
  status!: SimulationStatus;

  @Field(() => ID)
  selfPersonaId!: string;

  @Field(() => ID)
  partnerPersonaId!: string;

  @Field()
  seed!: string;

  @Field(() => [String], { nullable: true })
  scenarioIds!: string[] | null;

  @Field(() => Int)
  scenarioCount!: number;

  @Field(() => Int)
  episodesPerScenario!: number;

  @Field(() => Int)
  maxTurns!: number;

  @Field(() => Int)
  tokenBudget!: number;

  @Field(() => Int)
  tokensUsed!: number;

  @Field(() => Float)
  costUsd!: number;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
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

@ObjectType('SimulationEvent', { description: 'An event of a run, numbered per simulation (resume with afterSeq).' })
export class SimulationEventType {
  @Field(() => Int)
  seq!: number;

  @Field({ description: 'STARTED, EPISODE_STARTED, TURN, EVENT_INJECTED, EPISODE_SCORED, REPORT_READY, FAILED, CANCELLED.' })
  type!: string;

  @Field(() => GraphQLJSONObject)
  payload!: Record<string, unknown>;

  @Field()
  at!: Date;
}

@ObjectType('SimulationEstimate', { description: 'A cost preview; nothing runs.' })
export class SimulationEstimateType {
  @Field(() => Int)
  episodes!: number;

  @Field(() => Int)
  turns!: number;

  @Field(() => Int)
  promptTokens!: number;

  @Field(() => Int)
  completionTokens!: number;

  @Field(() => Int)
  totalTokens!: number;

  @Field(() => Float)
  costUsd!: number;
}

@InputType()
export class StartSimulationInput {
  @Field(() => ID)
  selfPersonaId!: string;

  @Field(() => ID)
  partnerPersonaId!: string;

  @Field(() => [String], { nullable: true, description: 'Scenario template ids; otherwise scenarioCount are picked by the seed.' })
  scenarioIds?: string[];

  @Field(() => Int, { nullable: true, defaultValue: 2 })
  scenarioCount?: number;

  @Field(() => Int, { nullable: true, defaultValue: 2 })
  episodesPerScenario?: number;

  @Field(() => Int, { nullable: true, defaultValue: 12 })
  maxTurns?: number;

  @Field({ nullable: true, description: 'Same seed and models → same episodes.' })
  seed?: string;

  @Field(() => Int, { nullable: true, defaultValue: 200000 })
  tokenBudget?: number;
}

export enum ReportFormat {
  MARKDOWN = 'MARKDOWN',
  HTML = 'HTML',
  JSON = 'JSON',
}
registerEnumType(ReportFormat, { name: 'ReportFormat' });

@ObjectType('ReportDocument')
export class ReportDocumentType {
  @Field()
  contentType!: string;

  @Field()
  body!: string;
}

export { GraphQLJSONObject };
