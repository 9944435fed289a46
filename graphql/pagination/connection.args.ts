import { ArgsType, Field, Int } from 'type-graphql';
import type { PageRequest } from '../../src/domain/pagination/page';

/**
 * Forward paging, the same on every list: `first` items after the cursor `after`. Sizes are
 * 1–500 (argument-bounds middleware, and again in src/domain/pagination, where lists with a
 * tighter cap refuse beyond it); a cursor this list did not give out is VALIDATION_FAILED.
 */
@ArgsType()
export class ConnectionArgs implements PageRequest {
  @Field(() => Int, { nullable: true, description: 'Items per page (1–500; some lists cap it lower, see the field). Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Only items after this cursor (pageInfo.endCursor of the previous page); leave out for the first page.' })
  after?: string | null;
}

/** Lists read newest-last (a chat) page backwards as well: `last` items before the cursor `before`. */
@ArgsType()
export class BidirectionalConnectionArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'The last items of the list (or before `before`) instead of the first (1–500; some lists cap it lower).' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Only items before this cursor (pageInfo.startCursor of the later page), for older items.' })
  before?: string | null;
}
