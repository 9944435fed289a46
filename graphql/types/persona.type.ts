import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonaKind, type Persona } from '../../src/domain/personas/persona.entity';

registerEnumType(PersonaKind, { name: 'PersonaKind', description: 'SELF: the user (user-proxy agent). PARTNER: a partner (partner-simulation agent).' });

@ObjectType('Persona', { description: 'A profile an agent plays from. Only its owner can see it.' })
export class PersonaType {
  @Field(() => ID)
  id!: string;

  @Field(() => PersonaKind)
  kind!: PersonaKind;

  @Field()
  name!: string;

  @Field(() => Int, { nullable: true })
  age!: number | null;

  @Field(() => String, { nullable: true })
  gender!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "dating 3 months", "crush", "ex", "married 5 years".' })
  relationshipContext!: string | null;

  @Field()
  description!: string;

  @Field(() => [String])
  interests!: string[];

  @Field(() => [String])
  values!: string[];

  @Field(() => [String])
  goals!: string[];

  @Field(() => [String])
  dealbreakers!: string[];

  @Field({ description: 'The user confirmed they may use this person’s messages. Required for analysis and simulation of imported partners.' })
  consentGiven!: boolean;

  @Field(() => Int, { description: 'Messages imported from chat logs.' })
  importedMessageCount!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /** Not a field: the owner, so the styleFingerprint resolver shows the person's words to them only. */
  ownerId!: string;

  /** Not a field: the stored fingerprint JSON, typed by the styleFingerprint resolver (persona.resolver.ts). */
  storedStyleFingerprint!: Record<string, unknown> | null;

  static from(persona: Persona): PersonaType {
    const { owner, styleFingerprint, consentAt: _at, ...fields } = persona;
    return Object.assign(new PersonaType(), fields, { ownerId: owner.id, storedStyleFingerprint: styleFingerprint });
  }
}
