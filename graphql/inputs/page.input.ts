import { Field, InputType, Int } from 'type-graphql';

@InputType('PageInput', { description: 'Offset pagination; limit is capped per list.' })
export class PageInput {
  @Field(() => Int, { description: 'Items per page (1–500; some lists cap it lower).', defaultValue: 20 })
  limit = 20;

  @Field(() => Int, { description: 'Items to skip: page n (from 0) is offset n × limit.', defaultValue: 0 })
  offset = 0;
}
