import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { exportCharacterCard, exportCharacterCardPng, importCharacterCard } from '../../src/domain/personas/character-card-io';
import type { AuthedContext } from '../context.type';
import { CharacterCardType } from '../types/character-card.type';
import { PersonaType } from '../types/persona.type';
import { ImportCharacterCardInput } from '../inputs/persona.input';
import { ImportCharacterCardPayload } from '../types/persona.payload';

@Resolver()
export class CharacterCardResolver {
  @Authorized()
  @Query(() => CharacterCardType, { description: 'One of your personas as a Character Card V2, for SillyTavern and other role-play tools (`json` is the card file).' })
  async characterCard(@Ctx() ctx: AuthedContext, @Arg('personaId', () => ID, { description: 'One of your personas.' }) personaId: string): Promise<CharacterCardType> {
    return CharacterCardType.from(await exportCharacterCard(ctx.em, ctx.principal.user.id, personaId, ctx.principal.user.displayName, ctx.services.dataKeys));
  }

  @Authorized()
  @Query(() => String, { description: 'The persona as a Character Card PNG (base64), the card in its `chara` text chunk.' })
  async characterCardPng(@Ctx() ctx: AuthedContext, @Arg('personaId', () => ID, { description: 'One of your personas.' }) personaId: string): Promise<string> {
    return exportCharacterCardPng(ctx.em, ctx.principal.user.id, personaId, ctx.principal.user.displayName, ctx.services.dataKeys);
  }

  @Authorized()
  @Mutation(() => ImportCharacterCardPayload, { description: 'Create a PARTNER persona from a Character Card: V1 or V2 JSON text, or a card PNG as base64.' })
  async importCharacterCard(@Ctx() ctx: AuthedContext, @Arg('input', () => ImportCharacterCardInput, { description: 'The card and how it is encoded.' }) input: ImportCharacterCardInput): Promise<ImportCharacterCardPayload> {
    const persona = await importCharacterCard(ctx.em, ctx.principal.user, { card: input.card, format: input.format }, ctx.services.dataKeys);
    return { persona: PersonaType.from(persona) };
  }
}
