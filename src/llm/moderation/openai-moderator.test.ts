import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModerationUnavailableError, OpenAiModerator } from './openai-moderator';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

interface TestServer {
  baseUrl: string;
  requests: { method?: string; url?: string; authorization?: string; body: string }[];
  close(): Promise<void>;
}

/** A tiny OpenAI-compatible endpoint on 127.0.0.1 that answers each request with `handler`. */
async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** An OpenAI omni-moderation result with the given categories flagged at the given scores. */
function result(flagged: Record<string, number>) {
  const names = [
    'harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'illicit', 'illicit/violent', 'self-harm',
    'self-harm/intent', 'self-harm/instructions', 'sexual', 'sexual/minors', 'violence', 'violence/graphic',
  ];
  return {
    flagged: Object.keys(flagged).length > 0,
    categories: Object.fromEntries(names.map((name) => [name, name in flagged])),
    category_scores: Object.fromEntries(names.map((name) => [name, flagged[name] ?? 0.001])),
  };
}

describe('OpenAiModerator', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('When asked, Then it POSTs the text and model to {baseUrl}/moderations with the bearer key', async () => {
    server = await startServer((_req, _body, res) => json(res, 200, { id: 'modr-1', model: 'm', results: [result({})] }));
    await new OpenAiModerator({ baseUrl: `${server.baseUrl}/`, apiKey: 'sk-test', model: 'omni-moderation-latest' }).moderate(
      'hello',
      'input',
    );
    expect(server.requests).toEqual([
      {
        method: 'POST',
        url: '/v1/moderations',
        authorization: 'Bearer sk-test',
        body: JSON.stringify({ model: 'omni-moderation-latest', input: 'hello' }),
      },
    ]);
  });

  it('When no key is configured, Then no authorization header is sent', async () => {
    server = await startServer((_req, _body, res) => json(res, 200, { results: [result({})] }));
    await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('hello', 'output');
    expect(server.requests[0].authorization).toBeUndefined();
  });

  it('When nothing is flagged, Then the verdict is allow with the provider scores', async () => {
    server = await startServer((_req, _body, res) => json(res, 200, { results: [result({})] }));
    const verdict = await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('hello', 'input');
    expect(verdict).toMatchObject({ flagged: false, categories: [], action: 'allow' });
    expect(verdict.scores.violence).toBe(0.001);
  });

  it('When violence and hate are flagged, Then the action is block, highest score first', async () => {
    server = await startServer((_req, _body, res) => json(res, 200, { results: [result({ violence: 0.7, hate: 0.9 })] }));
    const verdict = await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('x', 'input');
    expect(verdict).toMatchObject({ flagged: true, categories: ['hate', 'violence'], action: 'block' });
  });

  it('When a self-harm category is flagged, Then the action is support even beside violence', async () => {
    server = await startServer((_req, _body, res) =>
      json(res, 200, { results: [result({ violence: 0.95, 'self-harm/intent': 0.8 })] }),
    );
    const verdict = await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('x', 'input');
    expect(verdict.action).toBe('support');
    expect(verdict.categories).toEqual(['violence', 'self-harm/intent']);
  });

  it('When only a finer provider category is flagged, Then it is folded into ours (violence/graphic → violence)', async () => {
    server = await startServer((_req, _body, res) =>
      json(res, 200, { results: [result({ 'violence/graphic': 0.9, 'hate/threatening': 0.6, 'illicit/violent': 0.7 })] }),
    );
    const verdict = await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('x', 'output');
    expect(verdict.categories).toEqual(['violence', 'illicit', 'hate']);
    expect(verdict.scores).toMatchObject({ violence: 0.9, illicit: 0.7, hate: 0.6 });
  });

  it('When the text is blank, Then it is allowed without a request', async () => {
    server = await startServer((_req, _body, res) => json(res, 500, {}));
    const verdict = await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('  ', 'input');
    expect(verdict.action).toBe('allow');
    expect(server.requests).toHaveLength(0);
  });

  it('When the provider answers 500, Then a ModerationUnavailableError with reason http and the status is thrown', async () => {
    server = await startServer((_req, _body, res) => json(res, 500, { error: { message: 'boom' } }));
    const error = await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('x', 'input').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModerationUnavailableError);
    expect(error).toMatchObject({ reason: 'http', status: 500 });
    expect((error as Error).message).toContain('boom');
  });

  it('When the provider hangs, Then the request is abandoned after the timeout with reason timeout', async () => {
    server = await startServer(() => undefined);
    const started = Date.now();
    const moderator = new OpenAiModerator({ baseUrl: server.baseUrl, timeoutMs: 200 });
    const error = await moderator.moderate('x', 'input').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModerationUnavailableError);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('When the provider stalls in the middle of the body, Then the timeout still applies', async () => {
    server = await startServer((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"results": [');
    });
    const moderator = new OpenAiModerator({ baseUrl: server.baseUrl, timeoutMs: 200 });
    const error = await moderator.moderate('x', 'input').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ModerationUnavailableError', reason: 'timeout' });
  });

  it('When nothing listens on the port, Then a ModerationUnavailableError with reason network is thrown', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const error = await new OpenAiModerator({ baseUrl: closed.baseUrl }).moderate('x', 'input').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModerationUnavailableError);
    expect(error).toMatchObject({ reason: 'network' });
  });

  it.each([
    ['not JSON', (res: ServerResponse) => res.end('<html>gateway</html>')],
    ['JSON of the wrong shape', (res: ServerResponse) => json(res, 200, { results: [] })],
  ])('When the body is %s, Then a ModerationUnavailableError with reason malformed is thrown', async (_what, answer) => {
    server = await startServer((_req, _body, res) => answer(res));
    const error = await new OpenAiModerator({ baseUrl: server.baseUrl }).moderate('x', 'input').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModerationUnavailableError);
    expect(error).toMatchObject({ reason: 'malformed' });
  });
});
