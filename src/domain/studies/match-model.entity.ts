import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { Study } from './study.entity';

/**
 * A fitted match model kept as a versioned validity card: what it was fitted on, its
 * coefficients and calibration, and how well it did out of fold. Versions count per name and
 * owner; a card never changes once written.
 */
@Entity({ tableName: 'match_models' })
@Unique({ properties: ['owner', 'name', 'version'] })
@Index({ properties: ['owner', 'createdAt'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ name: 'match_models_owner_id_created_at_version_id_index', expression: `create index "match_models_owner_id_created_at_version_id_index" on "match_models" ("owner_id", "created_at" desc, "version" desc, "id" asc)` })
export class MatchModel {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  /** The study it came from; kept when the study is deleted (the card holds what matters). */
  @ManyToOne(() => Study, { ref: true, nullable: true, deleteRule: 'set null' })
  study!: Ref<Study> | null;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'integer' })
  version!: number;

  /** The dataset schema the model's features follow: persona pairs are featurized with it. */
  @Property({ type: 'json' })
  schema!: Record<string, unknown>;

  /** The kernel's ValidityCard (version 1). */
  @Property({ type: 'json' })
  card!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
