// Integer ranges up to this size are turned into enums, so the grammar enforces the bounds.
const MAX_ENUMERATED_INTEGERS = 100;

/**
 * Rewrites a JSON Schema (as sent in `response_format`) into the subset node-llama-cpp's
 * grammar builder understands, keeping what the caller will validate against:
 * - `anyOf` becomes `oneOf` (the builder ignores `anyOf` and would emit `null` for zod's
 *   `.nullable()` fields every time);
 * - a bounded integer range becomes an enum of its values (the builder ignores min/max);
 * - `definitions` refs become `$defs` refs, and `$schema`/`pattern` are dropped.
 * Number bounds on non-integers are not enforceable by the grammar and stay best-effort.
 */
export function toGrammarSchema(schema: unknown): unknown {
  return rewrite(schema);
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$schema' || key === 'pattern') continue;
    if (key === 'anyOf') out.oneOf = rewrite(value);
    else if (key === 'definitions') out.$defs = rewrite(value);
    else if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/definitions/', '#/$defs/');
    else out[key] = rewrite(value);
  }
  if (Array.isArray(out.allOf) && out.allOf.length === 1 && typeof out.allOf[0] === 'object') {
    const [only] = out.allOf as Record<string, unknown>[];
    delete out.allOf;
    Object.assign(out, only);
  }
  return enumerateIntegerRange(out);
}

function enumerateIntegerRange(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.type !== 'integer' || 'enum' in schema) return schema;
  let low = typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : undefined;
  let high = typeof schema.maximum === 'number' ? Math.floor(schema.maximum) : undefined;
  if (typeof schema.exclusiveMinimum === 'number') low = Math.max(low ?? -Infinity, Math.floor(schema.exclusiveMinimum) + 1);
  if (typeof schema.exclusiveMaximum === 'number') high = Math.min(high ?? Infinity, Math.ceil(schema.exclusiveMaximum) - 1);
  if (low === undefined || high === undefined || high < low || high - low + 1 > MAX_ENUMERATED_INTEGERS) return schema;
  const step = typeof schema.multipleOf === 'number' && Number.isInteger(schema.multipleOf) && schema.multipleOf > 0 ? schema.multipleOf : 1;
  const values: number[] = [];
  for (let v = low; v <= high; v++) if (v % step === 0) values.push(v);
  if (values.length === 0) return schema;
  return { enum: values, ...(typeof schema.description === 'string' ? { description: schema.description } : {}) };
}
