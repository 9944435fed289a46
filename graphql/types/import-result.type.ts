import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ChatLogImport', { description: 'What an import added. Re-importing the same log adds nothing twice.' })
export class ImportResultType {
  @Field(() => ID)
  importId!: string;

  @Field()
  format!: string;

  @Field(() => Int)
  parsedMessages!: number;

  @Field(() => Int, { description: 'New messages stored.' })
  inserted!: number;

  @Field(() => Int, { description: 'Messages already imported before.' })
  duplicates!: number;

  @Field(() => [String])
  participants!: string[];
}
