import { Entity, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { Persona } from '../personas/persona.entity';

/**
 * Study attributes an analyst set on a persona (age, interest ratings, a category…), named as
 * in a study dataset's schema, so a match model's features can be computed for persona pairs.
 * One row per persona; deleted with it.
 */
@Entity({ tableName: 'persona_study_attributes' })
export class PersonaStudyAttributes {
  [OptionalProps]?: 'updatedAt';

  @ManyToOne(() => Persona, { ref: true, primary: true, deleteRule: 'cascade' })
  persona!: Ref<Persona>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  /** name → number or category. */
  @Property({ type: 'json' })
  attributes!: Record<string, number | string>;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
