import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Persona } from './persona.entity';

export enum ProfileStatus {
  PENDING = 'PENDING',
  PROCESSING = 'PROCESSING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

// Defined in the kernel so the persona-analysis graph can name it without importing the domain.
import type { Fidelity } from '../../kernel/personas/fidelity';
export type { Fidelity } from '../../kernel/personas/fidelity';

/**
 * One analysis of a persona. Re-analysis adds a new version and keeps the old ones, so a
 * report can say which profile version it used.
 */
@Entity({ tableName: 'persona_profiles' })
@Unique({ properties: ['persona', 'version'] })
export class PersonaProfile {
  [OptionalProps]?: 'status' | 'failureReason' | 'profile' | 'fidelity' | 'models' | 'prompts' | 'createdAt' | 'startedAt' | 'completedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Persona, { ref: true, deleteRule: 'cascade' })
  persona!: Ref<Persona>;

  @Property({ type: 'integer' })
  version!: number;

  @Enum({ items: () => ProfileStatus, nativeEnumName: 'profile_status' })
  status: ProfileStatus = ProfileStatus.PENDING;

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  /** The aggregated profile (see agents/persona-analysis/profile.schema.ts); citations are transcript message ids. */
  @Property({ type: 'json', nullable: true })
  profile: Record<string, unknown> | null = null;

  @Property({ type: 'json', nullable: true })
  fidelity: Fidelity | null = null;

  /** Models that produced it. */
  @Property({ type: 'json' })
  models: string[] = [];

  /** Prompts (name@version) that produced it. */
  @Property({ type: 'json' })
  prompts: string[] = [];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;
}
