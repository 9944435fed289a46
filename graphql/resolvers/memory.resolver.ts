import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { correctMemory, forgetMemory, listMemories } from '../../src/domain/memories/manage-memories';
import type { AuthedContext } from '../context.type';
import { ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { MemoryConnectionType } from '../pagination/connections.type';
import { MemoryAgentView, MemoryType } from '../types/memory.type';
import { CorrectMemoryInput, ForgetMemoryInput } from '../inputs/memory.input';
import { CorrectMemoryPayload, ForgetMemoryPayload } from '../types/memory.payload';

@Resolver()
export class MemoryResolver {
  @Authorized()
  @Query(() => MemoryConnectionType, { description: 'What the agents remember about you: newest first, or ranked by `search` (within one persona; its best 50). At most 100 a page.' })
  async memories(
    @Ctx() ctx: AuthedContext,
    @Args() page: ConnectionArgs,
    @Arg('personaId', () => ID, { description: 'Only memories from chats with this persona (required with search).', nullable: true }) personaId?: string | null,
    @Arg('view', () => MemoryAgentView, { description: 'Only the partner’s memories or only the coach’s notes; leave out for both.', nullable: true }) view?: MemoryAgentView | null,
    @Arg('search', () => String, { description: 'Rank by relevance to this text instead of by date (needs personaId).', nullable: true }) search?: string | null,
    @Arg('includeInvalid', () => Boolean, { defaultValue: false, description: 'Also memories that were replaced or corrected.' }) includeInvalid = false,
  ): Promise<MemoryConnectionType> {
    return connectionOf(await listMemories(ctx.services, ctx.em, ctx.principal.user.id, { personaId, view, search, includeInvalid }, page), MemoryType.from);
  }

  @Authorized()
  @Mutation(() => ForgetMemoryPayload, { description: 'Deletes the memory for good.' })
  async forgetMemory(@Ctx() ctx: AuthedContext, @Arg('input', () => ForgetMemoryInput, { description: 'The memory to delete.' }) input: ForgetMemoryInput): Promise<ForgetMemoryPayload> {
    await forgetMemory(ctx.services, ctx.principal.user.id, input.id);
    return { deletedMemoryId: input.id };
  }

  @Authorized()
  @Mutation(() => CorrectMemoryPayload, { description: 'Replaces what is remembered; the old version is kept as history (validTo set), never recalled again.' })
  async correctMemory(@Ctx() ctx: AuthedContext, @Arg('input', () => CorrectMemoryInput, { description: 'The memory and what should be remembered instead.' }) input: CorrectMemoryInput): Promise<CorrectMemoryPayload> {
    return { memory: MemoryType.from(await correctMemory(ctx.services, ctx.principal.user.id, input.id, input.text)) };
  }
}
