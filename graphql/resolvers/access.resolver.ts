import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { listAuditEvents } from '../../src/domain/access/list-audit-events';
import { grantAccess, listGrants, revokeAccess } from '../../src/domain/access/manage-grants';
import { readChatMessages, readMemories, readPersona, readSimulation } from '../../src/domain/access/read-shared';
import { ResourceKind } from '../../src/domain/access/resource-kind';
import { Role } from '../../src/domain/tiers';
import type { AuthedContext } from '../context.type';
import { AccessGrantType, AuditEventType } from '../types/access.type';
import { GrantAccessInput, RevokeAccessInput } from '../inputs/access.input';
import { GrantAccessPayload, RevokeAccessPayload } from '../types/access.payload';
import { BidirectionalConnectionArgs, ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { AccessGrantConnectionType, AuditEventConnectionType, ChatMessageConnectionType, MemoryConnectionType } from '../pagination/connections.type';
import { ChatMessageType } from '../types/chat.type';
import { CompatibilityReportType, compatibilityReportType } from '../types/compatibility-report.type';
import { MemoryType } from '../types/memory.type';
import { PersonaType } from '../types/persona.type';
import { SimulationType } from '../types/simulation.type';
import { HEAVY_QUERY_COMPLEXITY } from '../limits/field-complexity';

@Resolver()
export class AccessResolver {
  @Authorized()
  @Mutation(() => GrantAccessPayload, { description: 'Let an analyst read one of your objects (resourceId), or every object of a kind. Every read is audited; revoke any time.' })
  async grantAccess(@Ctx() ctx: AuthedContext, @Arg('input', () => GrantAccessInput, { description: 'The analyst and what to share.' }) input: GrantAccessInput): Promise<GrantAccessPayload> {
    const { analystEmail, kind, resourceId } = input;
    const grant = await grantAccess(ctx.em, ctx.principal.user, { analystEmail, kind, resourceId });
    await ctx.em.populate(grant, ['owner', 'grantee']);
    return { grant: AccessGrantType.from(grant) };
  }

  @Authorized()
  @Mutation(() => RevokeAccessPayload, { description: 'Withdraw an access grant you gave; the analyst loses access at once. Returns the grant with revokedAt set.' })
  async revokeAccess(@Ctx() ctx: AuthedContext, @Arg('input', () => RevokeAccessInput, { description: 'The grant to withdraw.' }) input: RevokeAccessInput): Promise<RevokeAccessPayload> {
    const grant = await revokeAccess(ctx.services, ctx.em, ctx.principal.user.id, input.grantId);
    await ctx.em.populate(grant, ['owner', 'grantee']);
    return { grant: AccessGrantType.from(grant) };
  }

  @Authorized()
  @Query(() => AccessGrantConnectionType, { description: 'What you shared with analysts, newest first.' })
  async accessGrants(@Ctx() ctx: AuthedContext, @Args() page: ConnectionArgs): Promise<AccessGrantConnectionType> {
    return connectionOf(await listGrants(ctx.em, ctx.principal.user.id, 'given', page), AccessGrantType.from);
  }

  @Authorized(Role.ANALYST)
  @Query(() => AccessGrantConnectionType, { description: 'Analysts: what users shared with you (grants in force), newest first.' })
  async sharedWithMe(@Ctx() ctx: AuthedContext, @Args() page: ConnectionArgs): Promise<AccessGrantConnectionType> {
    return connectionOf(await listGrants(ctx.em, ctx.principal.user.id, 'received', page), AccessGrantType.from);
  }

  @Authorized()
  @Query(() => AuditEventConnectionType, { description: 'Who accessed (or tried to access) your data, newest first: analysts you shared with, admins, denied attempts.' })
  async accessLog(@Ctx() ctx: AuthedContext, @Args() page: ConnectionArgs): Promise<AuditEventConnectionType> {
    return connectionOf(await listAuditEvents(ctx.em, { ownerId: ctx.principal.user.id }, page), AuditEventType.from);
  }

  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnectionType, { description: 'Admins: the audit trail, newest first.' })
  async auditEvents(
    @Ctx() ctx: AuthedContext,
    @Args() page: ConnectionArgs,
    @Arg('actorId', () => ID, { description: 'Only accesses by this user.', nullable: true }) actorId?: string | null,
    @Arg('ownerId', () => ID, { description: 'Only accesses to this user’s data.', nullable: true }) ownerId?: string | null,
  ): Promise<AuditEventConnectionType> {
    return connectionOf(await listAuditEvents(ctx.em, { actorId: actorId ?? undefined, ownerId: ownerId ?? undefined }, page), AuditEventType.from);
  }

  @Authorized(Role.ANALYST, Role.ADMIN)
  @Query(() => PersonaType, { description: 'Analysts (shared with them) and admins: read a persona. Audited.' })
  async readPersona(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'A persona shared with you.' }) id: string): Promise<PersonaType> {
    return PersonaType.from(await readPersona(ctx.em, ctx.principal.user, id));
  }

  @Authorized(Role.ANALYST, Role.ADMIN)
  @Query(() => SimulationType, { description: 'Analysts (shared with them) and admins: read a simulation. Audited.' })
  async readSimulation(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'A simulation shared with you.' }) id: string): Promise<SimulationType> {
    return SimulationType.from(await readSimulation(ctx.em, ctx.principal.user, id));
  }

  @Authorized(Role.ANALYST, Role.ADMIN)
  @Query(() => CompatibilityReportType, { complexity: HEAVY_QUERY_COMPLEXITY, nullable: true, description: 'Analysts (shared with them) and admins: a simulation’s report, the same type its owner reads. Audited.' })
  async readCompatibilityReport(@Ctx() ctx: AuthedContext, @Arg('simulationId', () => ID, { description: 'A simulation shared with you.' }) simulationId: string): Promise<CompatibilityReportType | null> {
    const { report } = await readSimulation(ctx.em, ctx.principal.user, simulationId);
    return report ? compatibilityReportType(report) : null;
  }

  @Authorized(Role.ANALYST, Role.ADMIN)
  @Query(() => ChatMessageConnectionType, { description: 'Analysts (shared with them) and admins: read a chat, paged like chatMessages (at most 100 a page). Audited.' })
  async readChatMessages(
    @Ctx() ctx: AuthedContext,
    @Arg('sessionId', () => ID, { description: 'A chat shared with you.' }) sessionId: string,
    @Args() page: BidirectionalConnectionArgs,
  ): Promise<ChatMessageConnectionType> {
    return connectionOf(await readChatMessages(ctx.services, ctx.em, ctx.principal.user, sessionId, page), ChatMessageType.from);
  }

  @Authorized(Role.ANALYST, Role.ADMIN)
  @Query(() => MemoryConnectionType, { description: 'Analysts (memories shared with them) and admins: what the agents remember about a persona’s owner, newest first (at most 100 a page). Audited.' })
  async readMemories(
    @Ctx() ctx: AuthedContext,
    @Arg('personaId', () => ID, { description: 'A persona whose owner shared their memories with you.' }) personaId: string,
    @Args() page: ConnectionArgs,
  ): Promise<MemoryConnectionType> {
    return connectionOf(await readMemories(ctx.services, ctx.em, ctx.principal.user, personaId, page), MemoryType.from);
  }
}
