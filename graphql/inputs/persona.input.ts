import { Field, InputType, Int } from 'type-graphql';
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

@InputType({ description: 'Only the fields given change.' })
export class UpdatePersonaInput {
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
