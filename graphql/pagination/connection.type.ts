import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../../src/domain/pagination/page';
import { PageInfoType } from './page-info.type';

/** What a connection holds, for resolvers to return (the class from `Connection` has these fields). */
export interface ConnectionShape<TNode> {
  edges: { node: TNode; cursor: string }[];
  nodes: TNode[];
  pageInfo: PageInfoType;
  totalCount: number | null;
}

/**
 * The one shape of every list that can grow (Relay connections): `XConnection { edges { node
 * cursor } nodes pageInfo totalCount }`, with `XEdge` named after the node type. Subclass it
 * with the connection's own name and description:
 * `@ObjectType('ChatSessionConnection', {…}) class … extends Connection(ChatSessionType, 'ChatSession', 'chat') {}`.
 * graphql/pagination.schema.test.ts checks no list escapes it.
 */
export function Connection<TNode extends object>(Node: ClassType<TNode>, nodeName: string, what: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${what} of a page, with the cursor that points at it.` })
  class Edge {
    @Field(() => Node, { description: `The ${what}.` })
    node!: TNode;

    @Field({ description: `Opaque; pass as \`after\` (or \`before\`) to page from this ${what}.` })
    cursor!: string;
  }

  // type-graphql 2 builds only types the schema reaches: this base never is, its named subclasses are.
  @ObjectType(`${nodeName}ConnectionBase`, { description: `Fields every ${what} connection has.` })
  abstract class ConnectionBase implements ConnectionShape<TNode> {
    @Field(() => [Edge], { description: `This page's ${what} items with their cursors, in the list's order.` })
    edges!: Edge[];

    @Field(() => [Node], { description: 'The same items without cursors, for clients that only page by pageInfo.' })
    nodes!: TNode[];

    @Field(() => PageInfoType, { description: 'Whether more lies on either side, and the cursors to get it.' })
    pageInfo!: PageInfoType;

    @Field(() => Int, { nullable: true, description: 'How many items the whole list holds (with its filters), across pages; null where this list does not count them.' })
    totalCount!: number | null;
  }
  return ConnectionBase;
}

/** A domain page as a connection, each node mapped to its GraphQL type. */
export function connectionOf<T, TNode>(page: Page<T>, toNode: (item: T) => TNode): ConnectionShape<TNode> {
  const edges = page.edges.map((e) => ({ node: toNode(e.node), cursor: e.cursor }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: page.startCursor, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
