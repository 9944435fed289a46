import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StudyDatasetFormat, StudyDatasetStatus, type StudyDataset } from '../../src/domain/studies/study-dataset.entity';

registerEnumType(StudyDatasetFormat, {
  name: 'StudyDatasetFormat',
  description: 'How both tables of a study dataset are written: CSV with a header row, or a JSON array of objects.',
  valuesConfig: {
    CSV: { description: 'Comma-separated values with a header row.' },
    JSON: { description: 'A JSON array of objects, one per row.' },
  },
});
registerEnumType(StudyDatasetStatus, {
  name: 'StudyDatasetStatus',
  description: 'UPLOADING while a streamed upload waits for its tables; READY once both parsed (only then can a study run on it).',
  valuesConfig: {
    UPLOADING: { description: 'Its tables are still arriving by the streamed upload; studies cannot use it yet.' },
    READY: { description: 'Both tables parsed; studies can run on it.' },
  },
});

@ObjectType('StudyDatasetStats', { description: 'What the parsed dataset holds.' })
export class StudyDatasetStatsType {
  @Field(() => Int, { description: 'Rows of the people table.' })
  people!: number;

  @Field(() => Int, { description: 'Rows of the pairs table (each one outcome).' })
  pairs!: number;

  @Field(() => Int, { description: 'Distinct groups (waves, events) of the pairs: the units cross-validation keeps apart.' })
  groups!: number;

  @Field(() => Int, { description: 'People attributes declared in the schema (group columns counted one by one).' })
  attributes!: number;

  @Field(() => Int, { description: 'Pairs that carry a conversation.' })
  conversations!: number;
}

@ObjectType('StudyDataset', { description: 'An uploaded study dataset: a people table and a pairs table under a declared schema. Its rows are stored encrypted; only these figures are in the clear.' })
export class StudyDatasetType {
  @Field(() => ID, { description: 'The dataset’s id (upload path: /v1/study-datasets/{id}/people and /pairs).' })
  id!: string;

  @Field({ description: 'The name you gave it.' })
  name!: string;

  @Field(() => StudyDatasetFormat, { description: 'The format both tables were uploaded in.' })
  format!: StudyDatasetFormat;

  @Field(() => StudyDatasetStatus, { description: 'UPLOADING or READY.' })
  status!: StudyDatasetStatus;

  @Field(() => StudyDatasetStatsType, { nullable: true, description: 'Counts of the parsed dataset; null while uploading.' })
  stats!: StudyDatasetStatsType | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the parsed content (schema, people, pairs): validity cards quote it, so a model can be traced to its exact data. Null while uploading.' })
  hash!: string | null;

  @Field({ description: 'The declared schema, as JSON text.' })
  schema!: string;

  @Field({ description: 'When the upload began.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When both tables had parsed.' })
  readyAt!: Date | null;

  static from(d: StudyDataset): StudyDatasetType {
    return Object.assign(new StudyDatasetType(), {
      id: d.id,
      name: d.name,
      format: d.format,
      status: d.status,
      stats: d.stats,
      hash: d.hash,
      schema: JSON.stringify(d.schema),
      createdAt: d.createdAt,
      readyAt: d.readyAt,
    });
  }
}

