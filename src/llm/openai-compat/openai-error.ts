import type { ServerResponse } from 'node:http';

/** The `type` field OpenAI puts in its error bodies, by HTTP status. */
export function errorTypeForStatus(status: number): string {
  if (status === 400 || status === 404 || status === 413 || status === 422) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_exceeded';
  if (status === 503) return 'service_unavailable';
  return 'server_error';
}

/** An error that should reach the client as an OpenAI-shaped JSON body with this status. */
export class OpenAiHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'OpenAiHttpError';
  }
}

/** `{ error: { message, type, param, code } }`, the body every OpenAI client knows how to read. */
export function openAiErrorBody(status: number, message: string, code: string | null = null, param: string | null = null) {
  return { error: { message, type: errorTypeForStatus(status), param, code } };
}

/** Answers with an OpenAI-shaped error unless the response has already started. */
export function sendOpenAiError(res: ServerResponse, error: OpenAiHttpError): void {
  if (res.destroyed) return;
  if (res.headersSent) {
    // Mid-stream there is no status line left to change; cutting the connection is the only
    // signal a streaming client understands.
    res.destroy();
    return;
  }
  const body = JSON.stringify(openAiErrorBody(error.status, error.message, error.code, error.param));
  res.writeHead(error.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
