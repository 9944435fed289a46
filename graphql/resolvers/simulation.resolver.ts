import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { readSimulation } from '../../src/domain/access/read-shared';
import { UnauthenticatedError } from '../../src/domain/errors';
import { cancelSimulation } from '../../src/domain/simulations/cancel-simulation';
import { addCustomScenario, deleteCustomScenario, scenarioCatalog, updateCustomScenario } from '../../src/domain/simulations/scenario-catalog';
import { estimateSimulation } from '../../src/domain/simulations/estimate-simulation';
import { findOwnSimulation } from '../../src/domain/simulations/find-own-simulation';
import { listSimulations } from '../../src/domain/simulations/list-simulations';
import { renderReport } from '../../src/domain/simulations/report/render-report';
import { simulationEventStream } from '../../src/domain/simulations/simulation-event-stream';
import type { SimulationEventMessage } from '../../src/domain/simulations/simulation-events';
import { SimulationStatus } from '../../src/domain/simulations/simulation.entity';
import { SIMULATION_JOB, checkSimulationRequest, startSimulation } from '../../src/domain/simulations/start-simulation';
import type { AuthedContext, GraphQLContext } from '../context.type';
import { ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { SimulationConnectionType } from '../pagination/connections.type';
import { CompatibilityReportType, compatibilityReportType } from '../types/compatibility-report.type';
import { SimulationEventType, simulationEventType } from '../types/simulation-event.type';
import { ScenarioTemplateType, scenarioTemplateDocument, scenarioTemplateType } from '../types/scenario-template.type';
import { AddScenarioInput, CancelSimulationInput, DeleteScenarioInput, UpdateScenarioInput } from '../inputs/simulation.input';
import { AddScenarioPayload, CancelSimulationPayload, DeleteScenarioPayload, StartSimulationPayload, UpdateScenarioPayload } from '../types/simulation.payload';
import {
  ReportDocumentType,
  ReportFormat,
  SimulationEstimateType,
  SimulationType,
  StartSimulationInput,
} from '../types/simulation.type';
import { HEAVY_QUERY_COMPLEXITY } from '../limits/field-complexity';

@Resolver()
export class SimulationResolver {
  @Authorized()
  @Query(() => SimulationEstimateType, { description: 'Tokens and cost a simulation would use, before anything runs.' })
  async estimateSimulation(@Ctx() ctx: AuthedContext, @Arg('input', () => StartSimulationInput, { description: 'The simulation you would start.' }) input: StartSimulationInput): Promise<SimulationEstimateType> {
    const library = await scenarioCatalog(ctx.em, ctx.principal.user.id, ctx.services.scenarioLibrary);
    const data = await checkSimulationRequest(ctx.em, ctx.principal.user, input, library);
    return Object.assign(new SimulationEstimateType(), estimateSimulation(data, ctx.services.llmSettings));
  }

  @Authorized()
  @Mutation(() => StartSimulationPayload, { description: 'Queue a simulation; follow it on simulationEvents.' })
  async startSimulation(@Ctx() ctx: AuthedContext, @Arg('input', () => StartSimulationInput, { description: 'Which personas, scenarios, how many episodes, turns and tokens.' }) input: StartSimulationInput): Promise<StartSimulationPayload> {
    const { jobs, scenarioLibrary } = ctx.services;
    const library = await scenarioCatalog(ctx.em, ctx.principal.user.id, scenarioLibrary);
    const simulation = await startSimulation(
      { em: ctx.em, library, enqueue: (id) => jobs.enqueue(SIMULATION_JOB, { simulationId: id }, { jobId: `simulation-${id}` }) },
      ctx.principal.user,
      input,
    );
    return { simulation: SimulationType.from(simulation) };
  }

  @Authorized()
  @Query(() => [ScenarioTemplateType], { description: 'Scenario templates your simulations can use: the built-in library, then your own (oldest first).' })
  async scenarios(@Ctx() ctx: AuthedContext): Promise<ScenarioTemplateType[]> {
    return (await scenarioCatalog(ctx.em, ctx.principal.user.id, ctx.services.scenarioLibrary)).map(scenarioTemplateType);
  }

  @Authorized()
  @Mutation(() => AddScenarioPayload, { description: 'Add a scenario template of your own (validated like the built-in ones; at most 100). Returns it with defaults applied.' })
  async addScenario(@Ctx() ctx: AuthedContext, @Arg('input', () => AddScenarioInput, { description: 'The template to add.' }) input: AddScenarioInput): Promise<AddScenarioPayload> {
    return { scenario: scenarioTemplateType(await addCustomScenario(ctx.em, ctx.principal.user.id, ctx.services.scenarioLibrary, scenarioTemplateDocument(input.template))) };
  }

  @Authorized()
  @Mutation(() => UpdateScenarioPayload, {
    description: 'Replace one of your own scenario templates (same rules as addScenario; its id cannot change). Built-in scenarios are FORBIDDEN; ids you do not have are NOT_FOUND.',
  })
  async updateScenario(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateScenarioInput, { description: 'The scenario and its whole new template.' }) input: UpdateScenarioInput): Promise<UpdateScenarioPayload> {
    const updated = await updateCustomScenario(ctx.em, ctx.principal.user.id, ctx.services.scenarioLibrary, input.id, scenarioTemplateDocument(input.template));
    return { scenario: scenarioTemplateType(updated) };
  }

  @Authorized()
  @Mutation(() => DeleteScenarioPayload, {
    description: 'Delete one of your own scenario templates; runs that used it keep their transcripts and reports. Built-in scenarios are FORBIDDEN; ids you do not have are NOT_FOUND.',
  })
  async deleteScenario(@Ctx() ctx: AuthedContext, @Arg('input', () => DeleteScenarioInput, { description: 'The scenario to delete.' }) input: DeleteScenarioInput): Promise<DeleteScenarioPayload> {
    const deleted = await deleteCustomScenario(ctx.em, ctx.principal.user.id, ctx.services.scenarioLibrary, input.id);
    return { deletedScenarioId: deleted.id };
  }

  @Authorized()
  @Mutation(() => CancelSimulationPayload, { description: 'Stop a run: it stops before its next turn (or the one after, when the database answers slower than the model); what finished is kept.' })
  async cancelSimulation(@Ctx() ctx: AuthedContext, @Arg('input', () => CancelSimulationInput, { description: 'The simulation to stop.' }) input: CancelSimulationInput): Promise<CancelSimulationPayload> {
    return { simulation: SimulationType.from(await cancelSimulation(ctx.services, ctx.em, ctx.principal.user.id, input.id)) };
  }

  @Authorized()
  @Query(() => SimulationType, { description: 'One of your simulations (NOT_FOUND for anyone else’s; analysts use readSimulation).' })
  async simulation(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The simulation.' }) id: string): Promise<SimulationType> {
    return SimulationType.from(await findOwnSimulation(ctx.em, ctx.principal.user.id, id));
  }

  @Authorized()
  @Query(() => SimulationConnectionType, { description: 'Your simulations, newest first (at most 100 a page).' })
  async simulations(
    @Ctx() ctx: AuthedContext,
    @Args() page: ConnectionArgs,
    @Arg('status', () => SimulationStatus, { description: 'Only simulations in this status.', nullable: true }) status?: SimulationStatus,
    @Arg('partnerPersonaId', () => ID, { description: 'Only simulations with this PARTNER persona.', nullable: true }) partnerPersonaId?: string,
  ): Promise<SimulationConnectionType> {
    return connectionOf(await listSimulations(ctx.em, ctx.principal.user.id, { status, partnerPersonaId }, page), SimulationType.from);
  }

  @Authorized()
  @Query(() => CompatibilityReportType, {
    complexity: HEAVY_QUERY_COMPLEXITY,
    nullable: true,
    description:
      'The compatibility report (null until the run has one): every judge dimension as a mean with a 95% bootstrap interval, per-scenario breakdown, critical moments, the conversation measures per episode and over episodes with their citations, where the judge and the measures disagree, strengths, risks, recommendations, caveats, cost.',
  })
  async compatibilityReport(@Ctx() ctx: AuthedContext, @Arg('simulationId', () => ID, { description: 'One of your simulations.' }) simulationId: string): Promise<CompatibilityReportType | null> {
    const { report } = await findOwnSimulation(ctx.em, ctx.principal.user.id, simulationId);
    return report ? compatibilityReportType(report) : null;
  }

  @Authorized()
  @Query(() => ReportDocumentType, { complexity: HEAVY_QUERY_COMPLEXITY, nullable: true, description: 'The report as Markdown, self-contained HTML (inline SVG charts) or JSON.' })
  async reportDocument(
    @Ctx() ctx: AuthedContext,
    @Arg('simulationId', () => ID, { description: 'One of your simulations.' }) simulationId: string,
    @Arg('format', () => ReportFormat, { description: 'The document format.' }) format: ReportFormat,
  ): Promise<ReportDocumentType | null> {
    const { report } = await findOwnSimulation(ctx.em, ctx.principal.user.id, simulationId);
    return report ? Object.assign(new ReportDocumentType(), renderReport(report, format)) : null;
  }

  @Authorized()
  @Subscription(() => SimulationEventType, {
    description:
      'Events of a run after `afterSeq` (default 0): the missed ones from the log, then live. Ends after REPORT_READY, FAILED or CANCELLED (at once when the run already ended at or before `afterSeq`). Analysts the run was shared with (and admins) may follow it too; audited.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.principal) throw new UnauthenticatedError();
      // Its owner, an analyst it was shared with, an admin: a non-owner's replay is audited as a read.
      const simulation = await readSimulation(ctx.em, ctx.principal.user, String(args.simulationId));
      return simulationEventStream({ em: ctx.em, events: ctx.services.events }, simulation.id, Number(args.afterSeq ?? 0));
    },
  })
  simulationEvents(
    @Root() event: SimulationEventMessage,
    @Arg('simulationId', () => ID, { description: 'A simulation you own, or one shared with you.' }) _simulationId: string,
    @Arg('afterSeq', () => Int, { description: 'The last SimulationEvent.seq you saw; 0 replays the run from the start.', defaultValue: 0 }) _afterSeq: number,
  ): SimulationEventType {
    return simulationEventType(event);
  }
}
