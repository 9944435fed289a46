import type { IncomingMessage, ServerResponse } from 'node:http';
import { OpenAiHttpError, sendOpenAiError } from './openai-error';

/** What a route handler gets: the parsed JSON body (POST) and a signal that fires when the client goes away. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: unknown;
  /** Aborted when the client disconnects before the response finished, so handlers stop waiting and generating. */
  signal: AbortSignal;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

export interface HttpRouterOptions {
  /** Largest request body accepted; larger ones get 413 before being buffered. */
  maxBodyBytes?: number;
  /** Called with errors that are not OpenAiHttpError (they answer 500). */
  onUnexpectedError?: (error: unknown) => void;
}

const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The smallest router an OpenAI-compatible endpoint needs: exact method + path matches, JSON
 * bodies with a size limit, and every failure answered in OpenAI's error shape.
 */
export class HttpRouter {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly rawRoutes = new Set<string>();
  private readonly maxBodyBytes: number;

  constructor(private readonly options: HttpRouterOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  }

  get(path: string, handler: RouteHandler): this {
    this.routes.set(`GET ${path}`, handler);
    return this;
  }

  post(path: string, handler: RouteHandler): this {
    this.routes.set(`POST ${path}`, handler);
    return this;
  }

  /** A POST route that reads its own body (multipart uploads such as audio): `body` is undefined and `req` unread. */
  postRaw(path: string, handler: RouteHandler): this {
    this.rawRoutes.add(`POST ${path}`);
    return this.post(path, handler);
  }

  /** Suitable as the `request` listener of `http.createServer`. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    void this.dispatch(req, res);
  };

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const aborter = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborter.abort();
    });
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const handler = this.routes.get(`${req.method} ${url.pathname}`);
      if (!handler) {
        req.resume();
        throw new OpenAiHttpError(404, `Unknown route ${req.method} ${url.pathname}`, 'unknown_url');
      }
      const body = req.method === 'POST' && !this.rawRoutes.has(`POST ${url.pathname}`) ? await this.readJson(req) : undefined;
      await handler({ req, res, url, body, signal: aborter.signal });
    } catch (error) {
      if (aborter.signal.aborted) return; // the client left; there is no one to answer
      if (error instanceof OpenAiHttpError) {
        sendOpenAiError(res, error);
        return;
      }
      this.options.onUnexpectedError?.(error);
      sendOpenAiError(res, new OpenAiHttpError(500, error instanceof Error ? error.message : 'Internal error'));
    }
  }

  private async readJson(req: IncomingMessage): Promise<unknown> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.maxBodyBytes) throw this.tooLarge(req);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > this.maxBodyBytes) throw this.tooLarge(req);
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text);
    } catch {
      throw new OpenAiHttpError(400, 'Request body is not valid JSON', 'invalid_json');
    }
  }

  private tooLarge(req: IncomingMessage): OpenAiHttpError {
    // Stop reading: the rest of an oversized body is never buffered.
    req.pause();
    return new OpenAiHttpError(413, `Request body exceeds ${this.maxBodyBytes} bytes`, 'request_too_large');
  }
}

/** Sends `value` as a JSON response. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
