import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { PersonaKind } from '../../src/domain/personas/persona.entity';

// Rules (lengths, ranges, list sizes) live in src/domain/personas/persona-input.ts.
@InputType({ description: 'A new persona. Texts are trimmed; list items are 1–80 characters, at most 30 per list.' })
export class CreatePersonaInput {
  @Field(() => PersonaKind, { description: 'SELF (at most one) or PARTNER.' })
  kind!: PersonaKind;

  @Field({ description: 'How the persona is called, 1–80 characters.' })
  name!: string;

  @Field(() => Int, { description: 'Age in years, 16–120.', nullable: true })
  age?: number | null;

  @Field(() => String, { description: 'As the person describes it, up to 40 characters.', nullable: true })
  gender?: string | null;

  @Field(() => String, { description: 'Where you stand with them, up to 120 characters (e.g. "dating 3 months", "ex").', nullable: true })
  relationshipContext?: string | null;

  @Field({ description: 'Free text about the person, up to 8,000 characters; the agents read it.', nullable: true })
  description?: string;

  @Field(() => [String], { description: 'Hobbies and interests; items are 1–80 characters, at most 30.', nullable: true })
  interests?: string[];

  @Field(() => [String], { description: 'What matters to them (honesty, family…); items are 1–80 characters, at most 30.', nullable: true })
  values?: string[];

  @Field(() => [String], { description: 'What they want from a relationship or life; items are 1–80 characters, at most 30.', nullable: true })
  goals?: string[];

  @Field(() => [String], { description: 'What they will not accept in a partner; items are 1–80 characters, at most 30.', nullable: true })
  dealbreakers?: string[];
}

@InputType({ description: 'One of your personas and the fields to change; only the fields given change.' })
export class UpdatePersonaInput {
  @Field(() => ID, { description: 'The persona.' })
  id!: string;

  @Field({ description: 'New name, 1–80 characters.', nullable: true })
  name?: string;

  @Field(() => Int, { description: 'Age in years, 16–120; null clears it.', nullable: true })
  age?: number | null;

  @Field(() => String, { description: 'Up to 40 characters; null clears it.', nullable: true })
  gender?: string | null;

  @Field(() => String, { description: 'Up to 120 characters; null clears it.', nullable: true })
  relationshipContext?: string | null;

  @Field({ description: 'Free text, up to 8,000 characters.', nullable: true })
  description?: string;

  @Field(() => [String], { description: 'Replaces the list; items are 1–80 characters, at most 30.', nullable: true })
  interests?: string[];

  @Field(() => [String], { description: 'Replaces the list; items are 1–80 characters, at most 30.', nullable: true })
  values?: string[];

  @Field(() => [String], { description: 'Replaces the list; items are 1–80 characters, at most 30.', nullable: true })
  goals?: string[];

  @Field(() => [String], { description: 'Replaces the list; items are 1–80 characters, at most 30.', nullable: true })
  dealbreakers?: string[];
}

@InputType({ description: 'The persona to delete.' })
export class DeletePersonaInput {
  @Field(() => ID, { description: 'The persona to delete.' })
  id!: string;
}

@InputType({ description: 'Whether you may use a partner persona’s messages.' })
export class SetPersonaConsentInput {
  @Field(() => ID, { description: 'One of your PARTNER personas.' })
  id!: string;

  @Field({ description: 'True: you may use this person’s messages (analysis, simulation, chat). False withdraws it.' })
  given!: boolean;
}

@InputType({ description: 'The persona to analyse.' })
export class AnalyzePersonaInput {
  @Field(() => ID, { description: 'One of your personas with imported messages (a PARTNER needs consent).' })
  personaId!: string;
}

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

@InputType({ description: 'A Character Card to import as a PARTNER persona.' })
export class ImportCharacterCardInput {
  @Field({ description: 'The card: JSON text, or the PNG file base64-encoded (see format).' })
  card!: string;

  @Field(() => CardFormat, { description: 'How `card` is encoded.', defaultValue: CardFormat.JSON })
  format!: CardFormat;
}
