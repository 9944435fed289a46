import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { listAuditEvents } from '../../src/domain/access/list-audit-events';
import { grantAccess, listGrants, revokeAccess } from '../../src/domain/access/manage-grants';
import { readChatMessages, readMemories, readPersona, readSimulation } from '../../src/domain/access/read-shared';
import { ResourceKind } from '../../src/domain/access/resource-kind';
import { Role } from '../../src/domain/tiers';
import type { AuthedContext } from '../context.type';
import { AccessGrantType, AuditEventType } from '../types/access.type';
import { ChatMessagePageType, ChatMessageType } from '../types/chat.type';
import { CompatibilityReportType, compatibilityReportType } from '../types/compatibility-report.type';
import { MemoryType } from '../types/memory.type';
import { PersonaType } from '../types/persona.type';
import { SimulationType } from '../types/simulation.type';

@Resolver()
export class AccessResolver {
  @Authorized()
  @Mutation(() => AccessGrantType, { description: 'Let an analyst read one of your objects (resourceId), or every object of a kind. Every read is audited; revoke any time.' })
  async grantAccess(
    @Ctx() ctx: AuthedContext,
    @Arg('analystEmail', { description: 'Email of the ANALYST account to share with.' }) analystEmail: string,
    @Arg('kind', () => ResourceKind, { description: 'What kind of object to share.' }) kind: ResourceKind,
    @Arg('resourceId', () => ID, { description: 'The one object to share; leave out to share every object of the kind, present and future.', nullable: true }) resourceId?: string | null,
  ): Promise<AccessGrantType> {
    const grant = await grantAccess(ctx.em, ctx.principal.user, { analystEmail, kind, resourceId });
    await ctx.em.populate(grant, ['owner', 'grantee']);
    return AccessGrantType.from(grant);
  }

  @Authorized()
  @Mutation(() => AccessGrantType, { description: 'Withdraw an access grant you gave; the analyst loses access at once. Returns the grant with revokedAt set.' })
  async revokeAccess(@Ctx() ctx: AuthedContext, @Arg('grantId', () => ID, { description: 'The grant (AccessGrant.id) to withdraw.' }) grantId: string): Promise<AccessGrantType> {
    const grant = await revokeAccess(ctx.em, ctx.principal.user.id, grantId);
    await ctx.em.populate(grant, ['owner', 'grantee']);
    return AccessGrantType.from(grant);
  }

  @Authorized()
  @Query(() => [AccessGrantType], { description: 'What you shared with analysts.' })
  async accessGrants(@Ctx() ctx: AuthedContext): Promise<AccessGrantType[]> {
    return (await listGrants(ctx.em, ctx.principal.user.id, 'given')).map(AccessGrantType.from);
  }

  @Authorized(Role.ANALYST)
  @Query(() => [AccessGrantType], { description: 'Analysts: what users shared with you.' })
  async sharedWithMe(@Ctx() ctx: AuthedContext): Promise<AccessGrantType[]> {
    return (await listGrants(ctx.em, ctx.principal.user.id, 'received')).map(AccessGrantType.from);
  }

  @Authorized()
  @Query(() => [AuditEventType], { description: 'Who accessed (or tried to access) your data: analysts you shared with, admins, denied attempts.' })
  async accessLog(@Ctx() ctx: AuthedContext, @Arg('limit', () => Int, { description: 'Most events to return, newest first (1–500).', defaultValue: 100 }) limit: number): Promise<AuditEventType[]> {
    return (await listAuditEvents(ctx.em, { ownerId: ctx.principal.user.id }, limit)).map(AuditEventType.from);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [AuditEventType], { description: 'Admins: the audit trail, newest first.' })
  async auditEvents(
    @Ctx() ctx: AuthedContext,
    @Arg('limit', () => Int, { description: 'Most events to return, newest first (1–500).', defaultValue: 100 }) limit: number,
    @Arg('actorId', () => ID, { description: 'Only accesses by this user.', nullable: true }) actorId?: string | null,
    @Arg('ownerId', () => ID, { description: 'Only accesses to this user’s data.', nullable: true }) ownerId?: string | null,
  ): Promise<AuditEventType[]> {
    return (await listAuditEvents(ctx.em, { actorId: actorId ?? undefined, ownerId: ownerId ?? undefined }, limit)).map(AuditEventType.from);
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
  @Query(() => CompatibilityReportType, { nullable: true, description: 'Analysts (shared with them) and admins: a simulation’s report, the same type its owner reads. Audited.' })
  async readCompatibilityReport(@Ctx() ctx: AuthedContext, @Arg('simulationId', () => ID, { description: 'A simulation shared with you.' }) simulationId: string): Promise<CompatibilityReportType | null> {
    const { report } = await readSimulation(ctx.em, ctx.principal.user, simulationId);
    return report ? compatibilityReportType(report) : null;
  }

  @Authorized(Role.ANALYST, Role.ADMIN)
  @Query(() => ChatMessagePageType, { description: 'Analysts (shared with them) and admins: read a chat. Audited.' })
  async readChatMessages(
    @Ctx() ctx: AuthedContext,
    @Arg('sessionId', () => ID, { description: 'A chat shared with you.' }) sessionId: string,
    @Arg('before', () => Int, { description: 'Only messages at positions (ChatMessage.seq) below this; leave out for the latest page. Pass the previous page’s nextBefore.', nullable: true }) before?: number | null,
    @Arg('limit', () => Int, { description: 'Messages per page (1–500).', defaultValue: 50 }) limit = 50,
  ): Promise<ChatMessagePageType> {
    const page = await readChatMessages(ctx.services, ctx.em, ctx.principal.user, sessionId, { before, limit });
    return { messages: page.messages.map(ChatMessageType.from), nextBefore: page.nextBefore };
  }

  @Authorized(Role.ANALYST, Role.ADMIN)
  @Query(() => [MemoryType], { description: 'Analysts (memories shared with them) and admins: what the agents remember about a persona’s owner. Audited.' })
  async readMemories(@Ctx() ctx: AuthedContext, @Arg('personaId', () => ID, { description: 'A persona whose owner shared their memories with you.' }) personaId: string): Promise<MemoryType[]> {
    return (await readMemories(ctx.services, ctx.em, ctx.principal.user, personaId)).map(MemoryType.from);
  }
}
