import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

/**
 * The stable codes of README "Errors"; clients branch on these, never on messages. Open-ended
 * (`string & {}`) so a code added by a newer server still type-checks and reaches the caller.
 */
export type SoulLinkErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'PERSONA_NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'EMAIL_TAKEN'
  | 'CONSENT_REQUIRED'
  | 'CONTENT_BLOCKED'
  | 'AI_SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'INTERNAL'
  /** Client side: the server answered something that is not a GraphQL response. */
  | 'BAD_RESPONSE'
  /** Client side: an awaited event (a chat reply) did not come in time. */
  | 'TIMEOUT'
  | (string & {});

/** A GraphQL error as the client sees it: the server's `extensions.code` and the rest of its extensions. */
export class SoulLinkError extends Error {
  override readonly name = 'SoulLinkError';

  constructor(
    readonly code: SoulLinkErrorCode,
    message: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    /** HTTP status of the response (401, 429, …); 200 for most GraphQL errors. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** `extensions.reason` of UNAUTHENTICATED: TOKEN_EXPIRED, SESSION_REVOKED, … */
  get reason(): string | undefined {
    return typeof this.extensions.reason === 'string' ? this.extensions.reason : undefined;
  }
}

/** Where the client gets its access token, and how it renews one the server refused. */
export interface AccessTokenSource {
  readonly accessToken: string;
  /** Gets a new access token; resolves false when the session cannot be renewed. */
  renew(): Promise<boolean>;
}

type ErrorWithCode = GraphQLFormattedError & { extensions?: Record<string, unknown> };

/**
 * HTTP POST of the generated typed documents: the result type follows from the document, so
 * `request(LoginDocument, …)` returns `LoginMutation`. With a token source it sends the current
 * access token, and when the server answers UNAUTHENTICATED (an access token that expired while
 * the process slept, say) it renews once and repeats the request; a refused request ran nothing.
 */
export class SoulLinkClient {
  constructor(
    readonly url: string,
    private readonly auth?: AccessTokenSource,
  ) {}

  /** The same endpoint, signed in as `auth`. */
  withAuth(auth: AccessTokenSource): SoulLinkClient {
    return new SoulLinkClient(this.url, auth);
  }

  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    try {
      return await this.send(document, variables);
    } catch (err) {
      if (!(err instanceof SoulLinkError) || err.code !== 'UNAUTHENTICATED' || !this.auth || !(await this.auth.renew())) throw err;
      return this.send(document, variables);
    }
  }

  private async send<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.auth) headers.authorization = `Bearer ${this.auth.accessToken}`;
    const res = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query: print(document), variables }) });
    let body: { data?: TResult | null; errors?: ErrorWithCode[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new SoulLinkError('BAD_RESPONSE', `HTTP ${res.status} without a GraphQL body`, {}, res.status);
    }
    const first = body.errors?.[0];
    if (first) {
      const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL';
      throw new SoulLinkError(code, first.message, first.extensions, res.status);
    }
    if (!body.data) throw new SoulLinkError('BAD_RESPONSE', `HTTP ${res.status} without data`, {}, res.status);
    return body.data;
  }
}
