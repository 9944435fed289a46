import { Field, InputType, Int } from 'type-graphql';
import { PersonaKind } from '../../src/domain/personas/persona.entity';

// Rules (lengths, ranges, list sizes) live in src/domain/personas/persona-input.ts.
@InputType()
export class CreatePersonaInput {
  @Field(() => PersonaKind)
  kind!: PersonaKind;

  @Field()
  name!: string;

  @Field(() => Int, { nullable: true })
  age?: number | null;

  @Field(() => String, { nullable: true })
  gender?: string | null;

  @Field(() => String, { nullable: true })
  relationshipContext?: string | null;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [String], { nullable: true })
  interests?: string[];

  @Field(() => [String], { nullable: true })
  values?: string[];

  @Field(() => [String], { nullable: true })
  goals?: string[];

  @Field(() => [String], { nullable: true })
  dealbreakers?: string[];
}

@InputType({ description: 'Only the fields given change.' })
export class UpdatePersonaInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => Int, { nullable: true })
  age?: number | null;

  @Field(() => String, { nullable: true })
  gender?: string | null;

  @Field(() => String, { nullable: true })
  relationshipContext?: string | null;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [String], { nullable: true })
  interests?: string[];

  @Field(() => [String], { nullable: true })
  values?: string[];

  @Field(() => [String], { nullable: true })
  goals?: string[];

  @Field(() => [String], { nullable: true })
  dealbreakers?: string[];
}
