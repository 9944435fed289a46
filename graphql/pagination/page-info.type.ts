import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Where a page sits in its list (Relay connections): whether more lies on either side, and the cursors to get it.' })
export class PageInfoType {
  @Field({ description: 'More items follow: pass endCursor as `after` for them.' })
  hasNextPage!: boolean;

  @Field({ description: 'More items come before: pass startCursor as `before` for them (lists with `last`/`before`), or start again without `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item on this page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item on this page; null when the page is empty.' })
  endCursor!: string | null;
}
