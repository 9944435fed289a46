import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Simulation } from './simulation.entity';

export type SimulationEventType =
  | 'STARTED'
  | 'EPISODE_STARTED'
  | 'TURN'
  | 'EVENT_INJECTED'
  | 'EPISODE_SCORED'
  | 'REPORT_READY'
  | 'FAILED'
  | 'CANCELLED';

/**
 * The durable event log of a run. A subscriber that reconnects with its last `seq` is
 * served what it missed from here, then live events, so it misses and repeats nothing.
 */
@Entity({ tableName: 'simulation_events' })
@Index({ properties: ['simulation', 'seq'] })
@Unique({ properties: ['simulation', 'key'] })
export class SimulationEvent {
  @ManyToOne(() => Simulation, { ref: true, deleteRule: 'cascade', primary: true })
  simulation!: Ref<Simulation>;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', length: 24 })
  type!: SimulationEventType;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** Set for events that must appear once even if a resumed step emits them again (a turn). */
  @Property({ type: 'string', length: 160, nullable: true })
  key: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
