import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { StudyDatasetFormat } from '../../src/domain/studies/study-dataset.entity';
import { StudyOrdinalModel } from '../../src/domain/studies/study.entity';

@InputType('CreateStudyDatasetInput', { description: 'A small study dataset inline (each table up to 2 MB). Larger files: the streamed upload, POST /v1/study-datasets.' })
export class CreateStudyDatasetInput {
  @Field({ description: 'A name for the dataset.' })
  name!: string;

  @Field(() => StudyDatasetFormat, { description: 'The format of both tables.' })
  format!: StudyDatasetFormat;

  @Field({ description: 'The study schema as JSON text: which columns are ids, groups, attributes, attribute groups, the outcome, the conversation, baselines and the fairness attribute (see examples/study/schema.json).' })
  schema!: string;

  @Field({ description: 'The people table: CSV text with a header row, or a JSON array of objects.' })
  people!: string;

  @Field({ description: 'The pairs table, in the same format.' })
  pairs!: string;
}

@InputType('StartStudyInput', { description: 'A validation study of one of your READY datasets. The sizes trade precision for time; the defaults are the kernel’s.' })
export class StartStudyInput {
  @Field(() => ID, { description: 'The dataset to study.' })
  datasetId!: string;

  @Field(() => Int, { nullable: true, description: 'Seed of folds and bootstrap (0–2147483647); drawn and kept when absent.' })
  seed?: number | null;

  @Field(() => String, { nullable: true, description: 'A categorical people attribute to measure fairness across (overrides the schema’s).' })
  fairnessAttribute?: string | null;

  @Field(() => Int, { nullable: true, description: 'Ordinal outcomes: the level from which a pair counts as positive (default: the most balanced cut).' })
  ordinalPositiveFrom?: number | null;

  @Field(() => StudyOrdinalModel, { nullable: true, description: 'Ordinal outcomes: CUMULATIVE (default: one model per cut, K − 1 fits of nested cross-validation) or THRESHOLD (one model of ≥ ordinalPositiveFrom).' })
  ordinalModel?: StudyOrdinalModel | null;

  @Field(() => Boolean, { nullable: true, description: 'Use measures of the pairs’ conversations as features (default true; pairs without one get them imputed).' })
  conversationMeasures?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Outer cross-validation folds, 2–20.' })
  outerFolds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Inner folds choosing the penalty, 2–10.' })
  innerFolds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Bootstrap resamples of the intervals, 100–5000 (default 1,000).' })
  resamples?: number | null;
}

@InputType('PersonaStudyAttributeInput', { description: 'One study attribute of a persona: give exactly one of number and category.' })
export class PersonaStudyAttributeInput {
  @Field({ description: 'The attribute’s name, as a people column of the dataset schema.' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'A numeric value.' })
  number?: number | null;

  @Field(() => String, { nullable: true, description: 'A category.' })
  category?: string | null;
}

@InputType({ description: 'A SUCCEEDED study’s fitted model to keep under a name.' })
export class CreateMatchModelInput {
  @Field(() => ID, { description: 'One of your SUCCEEDED studies.' })
  studyId!: string;

  @Field({ description: 'The model’s name; reusing one adds its next version.' })
  name!: string;
}

@InputType({ description: 'The study attributes one of your personas should have.' })
export class SetPersonaStudyAttributesInput {
  @Field(() => ID, { description: 'One of your personas.' })
  personaId!: string;

  @Field(() => [PersonaStudyAttributeInput], { description: 'Every attribute the persona should have (the list replaces the old one).' })
  attributes!: PersonaStudyAttributeInput[];
}
