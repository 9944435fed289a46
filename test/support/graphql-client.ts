import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

export interface GraphQLResult<T> {
  status: number;
  data?: T | null;
  errors?: (GraphQLFormattedError & { extensions?: { code?: string; [key: string]: unknown } })[];
}

/** A typed HTTP GraphQL client over the generated documents (graphql/generated). */
export class GraphQLClient {
  constructor(readonly url: string) {}

  async request<T, V>(document: TypedDocumentNode<T, V>, variables?: V, token?: string): Promise<GraphQLResult<T>> {
    return this.raw<T>({ query: print(document), variables }, token);
  }

  async raw<T = unknown>(body: unknown, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Omit<GraphQLResult<T>, 'status'>) : {};
    return { status: res.status, ...parsed };
  }

  /** Like request, but fails the test with the errors when there are any. */
  async ok<T, V>(document: TypedDocumentNode<T, V>, variables?: V, token?: string): Promise<T> {
    const result = await this.request(document, variables, token);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
}

/** The stable error code of the first error. */
export function errorCode(result: GraphQLResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
