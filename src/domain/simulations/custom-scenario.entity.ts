import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';

/** A scenario template a user or analyst added; visible to its owner's simulations only. */
@Entity({ tableName: 'custom_scenarios' })
@Unique({ properties: ['owner', 'templateId'] })
export class CustomScenario {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @Property({ type: 'string', length: 64 })
  templateId!: string;

  @Property({ type: 'json' })
  template!: ScenarioTemplate;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
