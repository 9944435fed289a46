import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { scenarioCatalog } from '../../src/domain/simulations/scenario-catalog';
import { SIMULATION_JOB } from '../../src/domain/simulations/start-simulation';
import { createMatchModel } from '../../src/domain/studies/create-match-model';
import { listMatchModels } from '../../src/domain/studies/list-match-models';
import { rankCandidates } from '../../src/domain/studies/rank-candidates';
import { findOwnMatchModel } from '../../src/domain/studies/study-ownership';
import type { AuthedContext } from '../context.type';
import { ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { MatchModelConnectionType } from '../pagination/connections.type';
import { CandidateRankingType, MatchModelType } from '../types/study-match-model.type';
import { CreateMatchModelInput } from '../inputs/study.input';
import { CreateMatchModelPayload } from '../types/study.payload';
import { HEAVY_QUERY_COMPLEXITY } from '../limits/field-complexity';

@Resolver()
export class StudyMatchModelResolver {
  @Authorized()
  @Mutation(() => CreateMatchModelPayload, { description: 'Keep a SUCCEEDED study’s fitted model as a validity card under a name; the same name again adds the next version.' })
  async createMatchModel(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateMatchModelInput, { description: 'The study and the model’s name.' }) input: CreateMatchModelInput): Promise<CreateMatchModelPayload> {
    return { matchModel: MatchModelType.from(await createMatchModel(ctx.em, ctx.principal.user.id, input.studyId, input.name)) };
  }

  @Authorized()
  @Query(() => MatchModelConnectionType, { description: 'Your match models, newest first (at most 50 a page); optionally every version of one name.' })
  async matchModels(
    @Ctx() ctx: AuthedContext,
    @Args() page: ConnectionArgs,
    @Arg('name', () => String, { description: 'Only the versions of the model with this name.', nullable: true }) name?: string | null,
  ): Promise<MatchModelConnectionType> {
    return connectionOf(await listMatchModels(ctx.em, ctx.principal.user.id, { name }, page), MatchModelType.from);
  }

  @Authorized()
  @Query(() => MatchModelType, { description: 'One of your match models with its validity card (NOT_FOUND for anyone else’s).' })
  async matchModel(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The match model.' }) id: string): Promise<MatchModelType> {
    return MatchModelType.from(await findOwnMatchModel(ctx.em, ctx.principal.user.id, id));
  }

  @Authorized()
  @Query(() => CandidateRankingType, {
    complexity: HEAVY_QUERY_COMPLEXITY,
    description:
      'Rank candidate PARTNER personas for your SELF persona by a match model’s calibrated probability, with an interval and the features behind it. Features come from the personas’ study attributes (setPersonaStudyAttributes) and the partner’s imported chat; what a candidate lacks is imputed and said. simulateTopK (0–3) also starts a short simulation for the best k within your tier’s limits and simulationTokenBudget (each costs up to 40,000 tokens; default k of them); ranking again with the same model reuses them and adds their measures once finished.',
  })
  async rankCandidates(
    @Ctx() ctx: AuthedContext,
    @Arg('selfPersonaId', () => ID, { description: 'Your SELF persona.' }) selfPersonaId: string,
    @Arg('partnerPersonaIds', () => [ID], { description: 'The candidates: 1–50 of your PARTNER personas.' }) partnerPersonaIds: string[],
    @Arg('modelId', () => ID, { description: 'The match model to rank with.' }) modelId: string,
    @Arg('simulateTopK', () => Int, { description: 'Also start short simulations for the best k candidates (0: none); see RankedCandidate.simulation.', nullable: true, defaultValue: 0 }) simulateTopK: number,
    @Arg('simulationTokenBudget', () => Int, { nullable: true, description: 'Tokens the batch may start simulations for (default: simulateTopK short simulations’ worth, 40,000 each).' })
    simulationTokenBudget?: number | null,
  ): Promise<CandidateRankingType> {
    const { services } = ctx;
    const library = simulateTopK > 0 ? await scenarioCatalog(ctx.em, ctx.principal.user.id, services.scenarioLibrary) : [];
    return rankCandidates(
      {
        em: ctx.em,
        transcripts: services.transcripts,
        library,
        enqueueSimulation: (id) => services.jobs.enqueue(SIMULATION_JOB, { simulationId: id }, { jobId: `simulation-${id}` }),
      },
      ctx.principal.user,
      { selfPersonaId, partnerPersonaIds, modelId, simulateTopK, simulationTokenBudget },
    ).then((ranking) => ({
      modelId: ranking.modelId,
      candidates: ranking.candidates.map((c) => ({
        personaId: c.personaId,
        name: c.name,
        rank: c.rank,
        probability: c.prediction.probability,
        expectedLevel: c.prediction.ordinal?.expectedLevel ?? null,
        cumulative: c.prediction.ordinal?.cumulative ?? null,
        low: c.prediction.low,
        high: c.prediction.high,
        reasons: c.reasons,
        contributions: [...c.prediction.contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)),
        missing: c.prediction.missing,
        usedConversation: c.usedConversation,
        simulationId: c.simulationId,
        simulationNote: c.simulationNote,
        simulation: c.simulation,
      })),
    }));
  }
}
