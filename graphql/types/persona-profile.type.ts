import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProfileStatus, type PersonaProfile } from '../../src/domain/personas/persona-profile.entity';
import { PersonaTraitsType } from './persona-profile-traits.type';

registerEnumType(ProfileStatus, {
  name: 'ProfileStatus',
  description: 'Where an analysis stands: PENDING → PROCESSING → COMPLETED, or FAILED with a reason.',
  valuesConfig: {
    PENDING: { description: 'Queued, not started.' },
    PROCESSING: { description: 'Running; progress streams on personaAnalysisEvents.' },
    COMPLETED: { description: 'Done: `profile` and `fidelity` are set.' },
    FAILED: { description: 'Stopped; `failureReason` says why. Analyse again to retry.' },
  },
});

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
  @Field(() => ID, { description: 'This profile version’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The persona analysed.' })
  personaId!: string;

  @Field(() => Int, { description: '1 for the first analysis, one more for each re-analysis.' })
  version!: number;

  @Field(() => ProfileStatus, { description: 'Where the analysis stands.' })
  status!: ProfileStatus;

  @Field(() => String, { nullable: true, description: 'FAILED: why, for people. Null otherwise.' })
  failureReason!: string | null;

  @Field(() => PersonaTraitsType, {
    nullable: true,
    description:
      'What the analysis found: Big Five, attachment style, love languages, communication and conflict style, values, interests, green and red flags, each citing imported messages. Null until COMPLETED.',
  })
  profile!: PersonaTraitsType | null;

  @Field(() => FidelityType, { nullable: true, description: 'How well a simulation with this profile replies like the person; null until measured.' })
  fidelity!: FidelityType | null;

  @Field(() => [String], { description: 'Models that produced it.' })
  models!: string[];

  @Field(() => [String], { description: 'Prompts (name@version) that produced it.' })
  prompts!: string[];

  @Field({ description: 'When the analysis was requested.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it finished (COMPLETED or FAILED).' })
  completedAt!: Date | null;

  static from(p: PersonaProfile): PersonaProfileType {
    return Object.assign(new PersonaProfileType(), {
      id: p.id,
      personaId: p.persona.id,
      version: p.version,
      status: p.status,
      failureReason: p.failureReason,
      profile: p.profile ? PersonaTraitsType.from(p.profile) : null,
      fidelity: p.fidelity ? Object.assign(new FidelityType(), p.fidelity) : null,
      models: p.models,
      prompts: p.prompts,
      createdAt: p.createdAt,
      completedAt: p.completedAt,
    });
  }
}

@ObjectType('PersonaAnalysisEvent', { description: 'Progress of one analysis of a persona.' })
export class PersonaAnalysisEventType {
  @Field(() => ID, { description: 'The profile version being produced.' })
  profileId!: string;

  @Field(() => Int, { description: 'Its version number.' })
  version!: number;

  @Field(() => ProfileStatus, { description: 'Where it stands.' })
  status!: ProfileStatus;

  @Field({ description: 'queued, started, material, observations, profile, fidelity, done.' })
  stage!: string;

  @Field(() => Float, { description: '0–1, how far the analysis has got.' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'A note for people (e.g. why it failed).' })
  message?: string;
}
