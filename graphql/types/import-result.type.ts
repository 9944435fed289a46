import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ChatLogImport', { description: 'What an import added. Re-importing the same log adds nothing twice.' })
export class ImportResultType {
  @Field(() => ID, { description: 'The import’s id.' })
  importId!: string;

  @Field({ description: 'The format read (WHATSAPP, LINE, TELEGRAM or PLAIN), detected when you passed AUTO.' })
  format!: string;

  @Field(() => Int, { description: 'Messages found in the file.' })
  parsedMessages!: number;

  @Field(() => Int, { description: 'New messages stored.' })
  inserted!: number;

  @Field(() => Int, { description: 'Messages already imported before.' })
  duplicates!: number;

  @Field(() => [String], { description: 'Speaker names found in the file.' })
  participants!: string[];
}
