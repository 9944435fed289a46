import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonaKind, type Persona } from '../../src/domain/personas/persona.entity';

registerEnumType(PersonaKind, {
  name: 'PersonaKind',
  description: 'SELF: the user (user-proxy agent). PARTNER: a partner (partner-simulation agent).',
  valuesConfig: {
    SELF: { description: 'You: played by the user-proxy agent in simulations. One per account.' },
    PARTNER: { description: 'A real or prospective partner: played by the partner agent in chats and simulations.' },
  },
});

@ObjectType('Persona', { description: 'A profile an agent plays from. Only its owner can see it.' })
export class PersonaType {
  @Field(() => ID, { description: 'The persona’s id.' })
  id!: string;

  @Field(() => PersonaKind, { description: 'SELF (you) or PARTNER.' })
  kind!: PersonaKind;

  @Field({ description: 'How the persona is called.' })
  name!: string;

  @Field(() => Int, { description: 'Age in years; null when not given.', nullable: true })
  age!: number | null;

  @Field(() => String, { description: 'As given; null when not given.', nullable: true })
  gender!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "dating 3 months", "crush", "ex", "married 5 years".' })
  relationshipContext!: string | null;

  @Field({ description: 'Free text about the person (may be empty).' })
  description!: string;

  @Field(() => [String], { description: 'Hobbies and interests.' })
  interests!: string[];

  @Field(() => [String], { description: 'What matters to them.' })
  values!: string[];

  @Field(() => [String], { description: 'What they want from a relationship or life.' })
  goals!: string[];

  @Field(() => [String], { description: 'What they will not accept in a partner.' })
  dealbreakers!: string[];

  @Field({ description: 'The user confirmed they may use this person’s messages. Required for analysis and simulation of imported partners.' })
  consentGiven!: boolean;

  @Field(() => Int, { description: 'Messages imported from chat logs.' })
  importedMessageCount!: number;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'When it last changed.' })
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
