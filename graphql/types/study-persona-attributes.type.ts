import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('PersonaStudyAttribute', { description: 'A study attribute of a persona, named as in a study dataset’s schema (exactly one of number and category is set).' })
export class PersonaStudyAttributeType {
  @Field({ description: 'The attribute (a people column of the schema, e.g. age, interest_hiking).' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Its value, for a numeric attribute.' })
  number!: number | null;

  @Field(() => String, { nullable: true, description: 'Its value, for a categorical attribute.' })
  category!: string | null;

  static list(attributes: Record<string, number | string>): PersonaStudyAttributeType[] {
    return Object.entries(attributes).map(([name, v]) =>
      Object.assign(new PersonaStudyAttributeType(), { name, number: typeof v === 'number' ? v : null, category: typeof v === 'string' ? v : null }),
    );
  }
}
