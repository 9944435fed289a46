import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { deleteMyAccount } from '../../src/domain/data-rights/delete-my-account';
import { exportMyData } from '../../src/domain/data-rights/export-my-data';
import type { AuthedContext } from '../context.type';

@Resolver()
export class DataRightsResolver {
  @Authorized()
  @Query(() => GraphQLJSONObject, {
    description: 'Everything SoulLink holds on you — every table row, transcript message, memory and cached recent turn — as one JSON bundle to save.',
  })
  async exportMyData(@Ctx() ctx: AuthedContext): Promise<Record<string, unknown>> {
    return exportMyData(ctx.services, ctx.em, ctx.principal.user.id);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Erases your account and all your data in every store, and signs you out everywhere. Type your account email to confirm. Cannot be undone.',
  })
  async deleteMyAccount(@Ctx() ctx: AuthedContext, @Arg('confirmEmail', { description: 'Your account’s email address, typed again, to confirm.' }) confirmEmail: string): Promise<boolean> {
    await deleteMyAccount(ctx.services, ctx.em, ctx.principal.user.id, confirmEmail);
    return true;
  }
}
