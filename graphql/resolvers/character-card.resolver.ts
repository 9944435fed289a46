import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import { exportCharacterCard, exportCharacterCardPng, importCharacterCard } from '../../src/domain/personas/character-card-io';
import type { AuthedContext } from '../context.type';
import { CharacterCardType } from '../types/character-card.type';
import { PersonaType } from '../types/persona.type';

export enum CardFormat {
  JSON = 'JSON',
  PNG_BASE64 = 'PNG_BASE64',
}
registerEnumType(CardFormat, {
  name: 'CardFormat',
  description: 'How an imported Character Card is encoded.',
  valuesConfig: {
    JSON: { description: 'V1 or V2 card JSON text.' },
    PNG_BASE64: { description: 'A card PNG (the card in its `chara` text chunk), base64-encoded.' },
  },
});

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
  @Mutation(() => PersonaType, { description: 'Create a PARTNER persona from a Character Card: V1 or V2 JSON text, or a card PNG as base64.' })
  async importCharacterCard(
    @Ctx() ctx: AuthedContext,
    @Arg('card', { description: 'The card: JSON text, or the PNG file base64-encoded (see format).' }) card: string,
    @Arg('format', () => CardFormat, { description: 'How `card` is encoded.', defaultValue: CardFormat.JSON }) format: CardFormat,
  ): Promise<PersonaType> {
    return PersonaType.from(await importCharacterCard(ctx.em, ctx.principal.user, { card, format }, ctx.services.dataKeys));
  }
}
