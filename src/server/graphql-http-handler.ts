import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.type';
import type { ContextFactory } from './context-factory';
import { bearerToken } from './context-factory';
import { BodyTooLargeError, readBody } from './read-body';
import type { QueryPrecheck } from './query-precheck';
import { wellFormedReviver } from './well-formed-strings';

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The document of a single (non-batched) request, from a POST body or a GET's search. */
function queryOf(body: unknown, url: URL): string | undefined {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const query = (body as { query?: unknown }).query;
    return typeof query === 'string' ? query : undefined;
  }
  return body === undefined ? (url.searchParams.get('query') ?? undefined) : undefined;
}

/**
 * Apollo Server 5 on plain node:http (Apollo's integration API): we own body limits, request
 * ids and the shared context factory instead of pulling in a web framework.
 */
export function graphqlHttpHandler(apollo: ApolloServer<GraphQLContext>, contexts: ContextFactory, maxBodyBytes: number, precheck: QueryPrecheck) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', err.message);
        throw err;
      }
      try {
        body = raw.length > 0 ? JSON.parse(raw, wellFormedReviver) : undefined;
      } catch {
        return sendJsonError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
      }
    }
    // Batches are off (Apollo's allowBatchedHttpRequests: false): refused as Apollo would, but
    // before a context (and its database lookup) is built; so is a document over the limits.
    if (Array.isArray(body)) return sendJsonError(res, 400, 'BAD_REQUEST', 'Operation batching disabled.');
    const query = queryOf(body, url);
    const refused = query === undefined ? null : precheck.check(query);
    if (refused) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: refused }));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () =>
        contexts.create({
          requestId,
          token: bearerToken(req.headers.authorization),
          userAgent: req.headers['user-agent'],
          clientAddress: req.socket.remoteAddress,
        }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
