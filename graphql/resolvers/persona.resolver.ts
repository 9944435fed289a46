import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createPersona } from '../../src/domain/personas/create-persona';
import { deletePersona } from '../../src/domain/personas/delete-persona';
import { findOwnPersona } from '../../src/domain/personas/find-own-persona';
import { listPersonas } from '../../src/domain/personas/list-personas';
import { PersonaKind } from '../../src/domain/personas/persona.entity';
import { setPersonaConsent } from '../../src/domain/personas/set-persona-consent';
import { openStyleFingerprint } from '../../src/domain/personas/style-samples';
import { updatePersona } from '../../src/domain/personas/update-persona';
import type { AuthedContext, GraphQLContext } from '../context.type';
import { CreatePersonaInput, DeletePersonaInput, SetPersonaConsentInput, UpdatePersonaInput } from '../inputs/persona.input';
import { CreatePersonaPayload, DeletePersonaPayload, SetPersonaConsentPayload, UpdatePersonaPayload } from '../types/persona.payload';
import { ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { PersonaConnectionType } from '../pagination/connections.type';
import { PersonaType } from '../types/persona.type';
import { StyleFingerprintType } from '../types/style-fingerprint.type';

@Resolver(() => PersonaType)
export class PersonaResolver {
  /**
   * On every Persona, including an analyst's or admin's readPersona: the measurements for
   * anyone who may read the persona, the person's own words (samples, phrases) for its owner only.
   */
  @FieldResolver(() => StyleFingerprintType, {
    nullable: true,
    description: 'How this person writes, measured from the imported messages. Null before any import and for personas made from a Character Card.',
  })
  async styleFingerprint(@Root() persona: PersonaType, @Ctx() ctx: GraphQLContext): Promise<StyleFingerprintType | null> {
    const withText = ctx.principal?.user.id === persona.ownerId;
    // The words are stored sealed (style-samples.ts): opened for the owner only.
    const stored = withText
      ? await openStyleFingerprint(ctx.services.dataKeys, { id: persona.id, owner: { id: persona.ownerId }, styleFingerprint: persona.storedStyleFingerprint })
      : persona.storedStyleFingerprint;
    return StyleFingerprintType.from(stored, { withText });
  }

  @Authorized()
  @Query(() => PersonaConnectionType, { description: 'Your personas, newest first.' })
  async personas(
    @Ctx() ctx: AuthedContext,
    @Args() page: ConnectionArgs,
    @Arg('kind', () => PersonaKind, { description: 'Only SELF or only PARTNER personas.', nullable: true }) kind?: PersonaKind,
  ): Promise<PersonaConnectionType> {
    return connectionOf(await listPersonas(ctx.em, ctx.principal.user.id, kind ?? undefined, page), PersonaType.from);
  }

  @Authorized()
  @Query(() => PersonaType, { description: 'One of your personas (NOT_FOUND for anyone else’s; analysts use readPersona).' })
  async persona(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The persona.' }) id: string): Promise<PersonaType> {
    return PersonaType.from(await findOwnPersona(ctx.em, ctx.principal.user.id, id));
  }

  @Authorized()
  @Mutation(() => CreatePersonaPayload, { description: 'One SELF persona per user; PARTNER personas up to the tier limit (QUOTA_EXCEEDED beyond).' })
  async createPersona(@Ctx() ctx: AuthedContext, @Arg('input', () => CreatePersonaInput, { description: 'The persona’s kind, name and optional details.' }) input: CreatePersonaInput): Promise<CreatePersonaPayload> {
    return { persona: PersonaType.from(await createPersona(ctx.em, ctx.principal.user, input)) };
  }

  @Authorized()
  @Mutation(() => UpdatePersonaPayload, { description: 'Change one of your personas; only the fields given change.' })
  async updatePersona(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdatePersonaInput, { description: 'The persona and the fields to change.' }) input: UpdatePersonaInput): Promise<UpdatePersonaPayload> {
    const { id, ...changes } = input;
    return { persona: PersonaType.from(await updatePersona(ctx.em, ctx.principal.user.id, id, changes)) };
  }

  @Authorized()
  @Mutation(() => DeletePersonaPayload, { description: 'Deletes the persona with its imported messages and profiles.' })
  async deletePersona(@Ctx() ctx: AuthedContext, @Arg('input', () => DeletePersonaInput, { description: 'The persona to delete.' }) input: DeletePersonaInput): Promise<DeletePersonaPayload> {
    await deletePersona({ em: ctx.em, transcripts: ctx.services.transcripts, chatEvents: ctx.services.chatEvents, objects: ctx.services.objects }, ctx.principal.user.id, input.id);
    return { deletedPersonaId: input.id };
  }

  @Authorized()
  @Mutation(() => SetPersonaConsentPayload, { description: 'Confirm (or withdraw) that you may use this person’s messages.' })
  async setPersonaConsent(@Ctx() ctx: AuthedContext, @Arg('input', () => SetPersonaConsentInput, { description: 'The persona and whether you may use its messages.' }) input: SetPersonaConsentInput): Promise<SetPersonaConsentPayload> {
    return { persona: PersonaType.from(await setPersonaConsent(ctx.services, ctx.em, ctx.principal.user.id, input.id, input.given)) };
  }
}
