import { Field, InputType, Int } from 'type-graphql';

@InputType('PageInput', { description: 'Offset pagination; limit is capped per list.' })
export class PageInput {
  @Field(() => Int, { defaultValue: 20 })
  limit = 20;

  @Field(() => Int, { defaultValue: 0 })
  offset = 0;
}
