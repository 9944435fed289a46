import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { PersonaAnalysisEvent } from '../../src/domain/personas/analysis/analysis-events';
import { personaAnalysisTopic } from '../../src/domain/personas/analysis/analysis-events';
import { requestPersonaAnalysis } from '../../src/domain/personas/analysis/request-persona-analysis';
import { findOwnPersona } from '../../src/domain/personas/find-own-persona';
import { listPersonaProfiles, pagePersonaProfiles } from '../../src/domain/personas/analysis/list-persona-profiles';
import { UnauthenticatedError } from '../../src/domain/errors';
import type { AuthedContext, GraphQLContext } from '../context.type';
import { ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { PersonaProfileConnectionType } from '../pagination/connections.type';
import { PersonaAnalysisEventType, PersonaProfileType } from '../types/persona-profile.type';
import { AnalyzePersonaInput } from '../inputs/persona.input';
import { AnalyzePersonaPayload } from '../types/persona.payload';

@Resolver()
export class PersonaAnalysisResolver {
  @Authorized()
  @Mutation(() => AnalyzePersonaPayload, { description: 'Queue a new analysis (a new profile version). Progress streams on personaAnalysisEvents.' })
  async analyzePersona(@Ctx() ctx: AuthedContext, @Arg('input', () => AnalyzePersonaInput, { description: 'The persona to analyse.' }) input: AnalyzePersonaInput): Promise<AnalyzePersonaPayload> {
    const { em, services } = ctx;
    return { profile: PersonaProfileType.from(await requestPersonaAnalysis({ em, jobs: services.jobs, events: services.events }, ctx.principal.user.id, input.personaId)) };
  }

  @Authorized()
  @Query(() => PersonaProfileConnectionType, { description: 'Profile versions of a persona, newest first. Analysts the persona was shared with (and admins) may read them too; audited.' })
  async personaProfiles(
    @Ctx() ctx: AuthedContext,
    @Arg('personaId', () => ID, { description: 'One of your personas, or one shared with you.' }) personaId: string,
    @Args() page: ConnectionArgs,
  ): Promise<PersonaProfileConnectionType> {
    return connectionOf(await pagePersonaProfiles(ctx.em, ctx.principal.user, personaId, page), PersonaProfileType.from);
  }

  @Authorized()
  @Query(() => PersonaProfileType, { nullable: true, description: 'One profile version (default: the newest completed one). Analysts the persona was shared with (and admins) may read it too; audited.' })
  async personaProfile(
    @Ctx() ctx: AuthedContext,
    @Arg('personaId', () => ID, { description: 'One of your personas, or one shared with you.' }) personaId: string,
    @Arg('version', () => Int, { description: 'The profile version (1, 2, …); leave out for the newest completed one.', nullable: true }) version?: number,
  ): Promise<PersonaProfileType | null> {
    const profiles = await listPersonaProfiles(ctx.em, ctx.principal.user, personaId);
    const chosen = version ? profiles.find((p) => p.version === version) : profiles.find((p) => p.status === 'COMPLETED');
    return chosen ? PersonaProfileType.from(chosen) : null;
  }

  @Authorized()
  @Subscription(() => PersonaAnalysisEventType, {
    description: 'Progress of analyses of one of your personas.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.principal) throw new UnauthenticatedError();
      const persona = await findOwnPersona(ctx.em, ctx.principal.user.id, String(args.personaId));
      return ctx.services.events.subscribe<PersonaAnalysisEvent>(personaAnalysisTopic(persona.id));
    },
  })
  personaAnalysisEvents(@Root() event: PersonaAnalysisEvent, @Arg('personaId', () => ID, { description: 'One of your personas.' }) _personaId: string): PersonaAnalysisEventType {
    return Object.assign(new PersonaAnalysisEventType(), event);
  }
}
