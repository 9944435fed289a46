import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { Persona } from '../personas/persona.entity';

export enum SimulationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  /** Stopped early (token budget): the report covers the episodes that finished. */
  PARTIAL = 'PARTIAL',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}

/** A compatibility simulation run: SELF × PARTNER over seeded episodes of scenarios. */
@Entity({ tableName: 'simulations' })
@Index({ properties: ['owner', 'createdAt'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ properties: ['owner', 'createdAt', 'id'] })
@Index({ properties: ['owner', 'partnerPersona', 'createdAt', 'id'] })
export class Simulation {
  [OptionalProps]?:
    | 'status'
    | 'tokensUsed'
    | 'costUsd'
    | 'failureReason'
    | 'report'
    | 'eventSeq'
    | 'createdAt'
    | 'startedAt'
    | 'finishedAt'
    | 'cancelRequestedAt'
    | 'scenarioIds';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @ManyToOne(() => Persona, { ref: true, deleteRule: 'cascade' })
  selfPersona!: Ref<Persona>;

  @ManyToOne(() => Persona, { ref: true, deleteRule: 'cascade' })
  partnerPersona!: Ref<Persona>;

  @Enum({ items: () => SimulationStatus, nativeEnumName: 'simulation_status' })
  status: SimulationStatus = SimulationStatus.QUEUED;

  @Property({ type: 'string', length: 64 })
  seed!: string;

  /** Explicit scenario template ids, or null to let the generator pick `scenarioCount`. */
  @Property({ type: 'json', nullable: true })
  scenarioIds: string[] | null = null;

  @Property({ type: 'integer' })
  scenarioCount!: number;

  @Property({ type: 'integer' })
  episodesPerScenario!: number;

  @Property({ type: 'integer' })
  maxTurns!: number;

  @Property({ type: 'integer' })
  tokenBudget!: number;

  @Property({ type: 'integer' })
  tokensUsed = 0;

  @Property({ type: 'decimal', precision: 14, scale: 8 })
  costUsd = '0';

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  /** The compatibility report (src/domain/simulations/report). */
  @Property({ type: 'json', nullable: true })
  report: Record<string, unknown> | null = null;

  /** Last event seq handed out (events are numbered per simulation). */
  @Property({ type: 'integer' })
  eventSeq = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelRequestedAt: Date | null = null;
}
