import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { deleteMyAccount } from '../../src/domain/data-rights/delete-my-account';
import { exportMyData } from '../../src/domain/data-rights/export-my-data';
import type { AuthedContext } from '../context.type';
import { DeleteMyAccountInput } from '../inputs/data-rights.input';
import { DeleteMyAccountPayload } from '../types/data-rights.payload';
import { HEAVY_QUERY_COMPLEXITY } from '../limits/field-complexity';

@Resolver()
export class DataRightsResolver {
  @Authorized()
  @Query(() => GraphQLJSONObject, {
    complexity: HEAVY_QUERY_COMPLEXITY,
    description: 'Everything SoulLink holds on you — every table row, transcript message, memory and cached recent turn — as one JSON bundle to save.',
  })
  async exportMyData(@Ctx() ctx: AuthedContext): Promise<Record<string, unknown>> {
    return exportMyData(ctx.services, ctx.em, ctx.principal.user.id);
  }

  @Authorized()
  @Mutation(() => DeleteMyAccountPayload, {
    description: 'Erases your account and all your data in every store, and signs you out everywhere. Type your account email to confirm. Cannot be undone.',
  })
  async deleteMyAccount(@Ctx() ctx: AuthedContext, @Arg('input', () => DeleteMyAccountInput, { description: 'Your confirmation.' }) input: DeleteMyAccountInput): Promise<DeleteMyAccountPayload> {
    const userId = ctx.principal.user.id;
    await deleteMyAccount(ctx.services, ctx.em, userId, input.confirmEmail);
    return { deletedUserId: userId };
  }
}
