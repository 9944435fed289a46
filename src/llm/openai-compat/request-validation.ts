import type { z } from 'zod';
import { OpenAiHttpError } from './openai-error';

/** Parses a request body with `schema`, or throws a 400 naming the first offending field as OpenAI does. */
export function parseRequestBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.join('.') : null;
  const message = issue ? `${param ? `'${param}': ` : ''}${issue.message}` : 'Invalid request body';
  throw new OpenAiHttpError(400, message, 'invalid_request', param);
}
