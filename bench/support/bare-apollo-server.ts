import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { jwtVerify } from 'jose';

/** The user the bare server answers with: the same fields SoulLink's `me { id email tier }` returns. */
export interface BareUser {
  id: string;
  email: string;
  tier: string;
}

export interface BareApolloServer {
  url: string;
  close(): Promise<void>;
}

const typeDefs = /* GraphQL */ `
  enum Tier { BASIC PREMIUM PROFESSIONAL }
  type User { id: ID! email: String! tier: Tier! }
  type Query { me: User }
`;

interface BareContext {
  userId?: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The bare stack SoulLink is compared with: Apollo Server 5 + graphql 16 on node:http
 * (the same integration API SoulLink uses: executeHTTPGraphQLRequest), default plugins, a
 * one-type schema. The context verifies the bearer token with jose (HS256, the same
 * secret, issuer and audience as SoulLink's access tokens); `me` returns a constant user
 * for a valid token. No database, no Redis, no rate limits, no logging, no metrics.
 */
export async function startBareApolloServer(options: { jwtSecret: string; user: BareUser }): Promise<BareApolloServer> {
  const key = new TextEncoder().encode(options.jwtSecret);
  const apollo = new ApolloServer<BareContext>({
    typeDefs,
    resolvers: {
      Query: {
        me: (_root: unknown, _args: unknown, ctx: BareContext) => {
          if (!ctx.userId) throw new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
          return { ...options.user, id: ctx.userId };
        },
      },
    },
  });
  await apollo.start();
  const context = async (authorization: string | undefined): Promise<BareContext> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return {};
    try {
      const { payload } = await jwtVerify(token, key, { issuer: 'soullink', audience: 'soullink-api', algorithms: ['HS256'] });
      return { userId: payload.sub };
    } catch {
      return {};
    }
  };

  const server = createServer((req, res) => {
    (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = req.method === 'POST' ? await readBody(req) : '';
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: raw ? JSON.parse(raw) : undefined },
        context: () => context(req.headers.authorization),
      });
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}
