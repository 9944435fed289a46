import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import type { EpisodeScore } from '../../kernel/simulation/dimensions';
import { Simulation } from './simulation.entity';

/** A scored episode, written once (keyed by simulation, scenario and episode index). */
@Entity({ tableName: 'simulation_episodes' })
@Unique({ properties: ['simulation', 'scenarioId', 'episodeIndex'] })
export class SimulationEpisode {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Simulation, { ref: true, deleteRule: 'cascade' })
  simulation!: Ref<Simulation>;

  @Property({ type: 'string', length: 64 })
  scenarioId!: string;

  @Property({ type: 'integer' })
  episodeIndex!: number;

  @Property({ type: 'json' })
  score!: EpisodeScore;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
