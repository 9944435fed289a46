/** Whether a compatibility report's scores are covered by a validity card (src/domain/simulations/report/report-validity.ts). */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ReportValidityStatus {
  VALIDATED = 'VALIDATED',
  UNVALIDATED = 'UNVALIDATED',
}

registerEnumType(ReportValidityStatus, {
  name: 'ReportValidityStatus',
  description: 'Whether a study on the owner’s own outcomes has shown that scores like the report’s predict them.',
  valuesConfig: {
    VALIDATED: { description: 'A match model of the owner, fitted on SoulLink simulation scores against real outcomes, covers the report (its AUC says how far).' },
    UNVALIDATED: { description: 'No such study exists: the scores describe the simulated conversation, they are not a forecast.' },
  },
});

@ObjectType('CitedValidityCard', { description: 'A match model (validity card) as a compatibility report cites it.' })
export class CitedValidityCardType {
  @Field(() => ID, { description: 'The match model.' })
  modelId!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => Int, { description: 'Its version under that name.' })
  version!: number;

  @Field({ description: 'When it was fitted (ISO 8601).' })
  createdAt!: string;

  @Field({ description: 'SHA-256 of the dataset it was fitted on.' })
  datasetHash!: string;

  @Field(() => Int, { description: 'Pairs it was fitted on.' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Out-of-fold AUC (null when it could not be estimated).' })
  auc!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of its 95% group-bootstrap interval.' })
  aucLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of its 95% group-bootstrap interval.' })
  aucHigh!: number | null;

  @Field({ description: 'What its features were: "simulation scores", "real conversations’ measures" or "profiles".' })
  basis!: string;
}

@ObjectType('ReportValidity', { description: 'Whether the report’s scores are known to predict real outcomes, and on what evidence.' })
export class ReportValidityType {
  @Field(() => ReportValidityStatus, { description: 'VALIDATED or UNVALIDATED.' })
  status!: ReportValidityStatus;

  @Field({ description: 'One plain paragraph for the reader.' })
  statement!: string;

  @Field(() => CitedValidityCardType, { nullable: true, description: 'The newest of the owner’s models fitted on simulation scores, which covers the report; null when none does.' })
  covering!: CitedValidityCardType | null;

  @Field(() => [CitedValidityCardType], { description: 'The owner’s other models, named so the reader knows why they do not count.' })
  related!: CitedValidityCardType[];
}
