import type { z } from 'zod';
import { ValidationError } from './errors';

/**
 * Validates input at the domain boundary (GraphQL, CLI and jobs all pass through here) and
 * turns the first problem into VALIDATION_FAILED naming the field.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, fieldPrefix = 'input'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
  throw new ValidationError(field, `${field}: ${issue.message}`);
}
