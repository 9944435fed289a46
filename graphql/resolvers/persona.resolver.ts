import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createPersona } from '../../src/domain/personas/create-persona';
import { deletePersona } from '../../src/domain/personas/delete-persona';
import { findOwnPersona } from '../../src/domain/personas/find-own-persona';
import { listPersonas } from '../../src/domain/personas/list-personas';
import { PersonaKind } from '../../src/domain/personas/persona.entity';
import { setPersonaConsent } from '../../src/domain/personas/set-persona-consent';
import { updatePersona } from '../../src/domain/personas/update-persona';
import type { AuthedContext } from '../context.type';
import { CreatePersonaInput, UpdatePersonaInput } from '../inputs/persona.input';
import { PersonaType } from '../types/persona.type';

@Resolver()
export class PersonaResolver {
  @Authorized()
  @Query(() => [PersonaType], { description: 'Your personas, newest first.' })
  async personas(@Ctx() ctx: AuthedContext, @Arg('kind', () => PersonaKind, { nullable: true }) kind?: PersonaKind): Promise<PersonaType[]> {
    return (await listPersonas(ctx.em, ctx.principal.user.id, kind ?? undefined)).map(PersonaType.from);
  }

  @Authorized()
  @Query(() => PersonaType)
  async persona(@Ctx() ctx: AuthedContext, @Arg('id', () => ID) id: string): Promise<PersonaType> {
    return PersonaType.from(await findOwnPersona(ctx.em, ctx.principal.user.id, id));
  }

  @Authorized()
  @Mutation(() => PersonaType, { description: 'One SELF persona per user; PARTNER personas up to the tier limit (QUOTA_EXCEEDED beyond).' })
  async createPersona(@Ctx() ctx: AuthedContext, @Arg('input', () => CreatePersonaInput) input: CreatePersonaInput): Promise<PersonaType> {
    return PersonaType.from(await createPersona(ctx.em, ctx.principal.user, input));
  }

  @Authorized()
  @Mutation(() => PersonaType)
  async updatePersona(
    @Ctx() ctx: AuthedContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePersonaInput) input: UpdatePersonaInput,
  ): Promise<PersonaType> {
    return PersonaType.from(await updatePersona(ctx.em, ctx.principal.user.id, id, input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes the persona with its imported messages and profiles.' })
  async deletePersona(@Ctx() ctx: AuthedContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    await deletePersona({ em: ctx.em, transcripts: ctx.services.transcripts, chatEvents: ctx.services.chatEvents }, ctx.principal.user.id, id);
    return true;
  }

  @Authorized()
  @Mutation(() => PersonaType, { description: 'Confirm (or withdraw) that you may use this person’s messages.' })
  async setPersonaConsent(@Ctx() ctx: AuthedContext, @Arg('id', () => ID) id: string, @Arg('given') given: boolean): Promise<PersonaType> {
    return PersonaType.from(await setPersonaConsent(ctx.em, ctx.principal.user.id, id, given));
  }
}
