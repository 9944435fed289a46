import { Field, ObjectType } from 'type-graphql';
import { StudyDatasetType } from './study-dataset.type';
import { MatchModelType } from './study-match-model.type';
import { PersonaStudyAttributeType } from './study-persona-attributes.type';
import { StudyType } from './study.type';

@ObjectType('CreateStudyDatasetPayload', { description: 'The result of createStudyDataset.' })
export class CreateStudyDatasetPayload {
  @Field(() => StudyDatasetType, { description: 'The new dataset, READY.' })
  dataset!: StudyDatasetType;
}

@ObjectType('StartStudyPayload', { description: 'The result of startStudy.' })
export class StartStudyPayload {
  @Field(() => StudyType, { description: 'The queued study; follow it on studyProgress.' })
  study!: StudyType;
}

@ObjectType('CreateMatchModelPayload', { description: 'The result of createMatchModel.' })
export class CreateMatchModelPayload {
  @Field(() => MatchModelType, { description: 'The new match model (version).' })
  matchModel!: MatchModelType;
}

@ObjectType('SetPersonaStudyAttributesPayload', { description: 'The result of setPersonaStudyAttributes.' })
export class SetPersonaStudyAttributesPayload {
  @Field(() => [PersonaStudyAttributeType], { description: 'Every study attribute the persona has now.' })
  attributes!: PersonaStudyAttributeType[];
}
