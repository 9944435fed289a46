import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProfileStatus, type PersonaProfile } from '../../src/domain/personas/persona-profile.entity';

registerEnumType(ProfileStatus, { name: 'ProfileStatus' });

@ObjectType('Fidelity', { description: 'How closely the simulation replies like the real person, measured on held-out exchanges.' })
export class FidelityType {
  @Field(() => Float, { description: '0–1: closeness of simulated replies to what the person really wrote.' })
  score!: number;

  @Field(() => Float, { description: 'The same measure for a generic persona; the profile should beat it.' })
  baseline!: number;

  @Field(() => Int, { description: 'Held-out exchanges compared.' })
  sampleSize!: number;
}

@ObjectType('PersonaProfile', { description: 'One analysis of a persona; re-analysis adds a version and keeps the old ones.' })
export class PersonaProfileType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  personaId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ProfileStatus)
  status!: ProfileStatus;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Big Five (score, confidence), attachment style, love languages, communication and conflict style, values, interests, green and red flags; every trait lists `citations` (imported message ids).',
  })
  profile!: Record<string, unknown> | null;

  @Field(() => FidelityType, { nullable: true })
  fidelity!: FidelityType | null;

  @Field(() => [String])
  models!: string[];

  @Field(() => [String], { description: 'Prompts (name@version) that produced it.' })
  prompts!: string[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  static from(p: PersonaProfile): PersonaProfileType {
    return Object.assign(new PersonaProfileType(), {
      id: p.id,
      personaId: p.persona.id,
      version: p.version,
      status: p.status,
      failureReason: p.failureReason,
      profile: p.profile,
      fidelity: p.fidelity ? Object.assign(new FidelityType(), p.fidelity) : null,
      models: p.models,
      prompts: p.prompts,
      createdAt: p.createdAt,
      completedAt: p.completedAt,
    });
  }
}

@ObjectType('PersonaAnalysisEvent')
export class PersonaAnalysisEventType {
  @Field(() => ID)
  profileId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ProfileStatus)
  status!: ProfileStatus;

  @Field({ description: 'queued, started, material, observations, profile, fidelity, done.' })
  stage!: string;

  @Field(() => Float)
  progress!: number;

  @Field(() => String, { nullable: true })
  message?: string;
}
