/** A JSON Schema node as found in `response_format.json_schema.schema` (loosely typed on purpose). */
type Schema = Record<string, unknown> | boolean;

// Deep or recursive schemas ($ref to an ancestor) stop here with the smallest value.
const MAX_DEPTH = 12;
const FIXED_FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00',
  duration: 'PT1H',
  email: 'stub@example.com',
  'idn-email': 'stub@example.com',
  uri: 'https://example.com/stub',
  url: 'https://example.com/stub',
  'uri-reference': 'https://example.com/stub',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
};

/**
 * A deterministic value that satisfies `schema`: required properties of objects, `minItems`
 * array items (one when unbounded), the first `enum`/`const`, and strings, numbers and integers
 * within their bounds. Covers what structured-output schemas use (zod's JSON Schema output,
 * OpenAI strict schemas); `pattern` is honoured only through `format`.
 */
export function sampleFromJsonSchema(schema: unknown): unknown {
  const root = isSchema(schema) ? schema : true;
  return new Sampler(root).sample(root, 0, '', 0);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

class Sampler {
  constructor(private readonly root: Schema) {}

  sample(schema: Schema, depth: number, hint: string, salt: number): unknown {
    if (typeof schema === 'boolean') return null;
    if (depth > MAX_DEPTH) return null;
    if (typeof schema.$ref === 'string') return this.sample(this.resolveRef(schema.$ref), depth + 1, hint, salt);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[salt % schema.enum.length];
    if ('default' in schema) return schema.default;
    for (const key of ['anyOf', 'oneOf'] as const) {
      const options = schema[key];
      if (Array.isArray(options) && options.length > 0) {
        const chosen = options.find((o) => isSchema(o) && !isNullOnly(o)) ?? options[0];
        return this.sample(isSchema(chosen) ? chosen : true, depth + 1, hint, salt);
      }
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
      return this.sample(this.mergeAllOf(schema), depth + 1, hint, salt);
    }
    switch (typeOf(schema)) {
      case 'object':
        return this.sampleObject(schema, depth);
      case 'array':
        return this.sampleArray(schema, depth, hint);
      case 'integer':
        return sampleNumber(schema, true, salt);
      case 'number':
        return sampleNumber(schema, false, salt);
      case 'boolean':
        return salt % 2 === 0;
      case 'null':
        return null;
      default:
        return sampleString(schema, hint, salt);
    }
  }

  private sampleObject(schema: Record<string, unknown>, depth: number): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const value: Record<string, unknown> = {};
    for (const name of required) {
      value[name] = this.sample(properties[name] ?? true, depth + 1, name, 0);
    }
    return value;
  }

  private sampleArray(schema: Record<string, unknown>, depth: number, hint: string): unknown[] {
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 1;
    const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
    const count = Math.min(minItems, maxItems, 100);
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as Schema[]) : [];
    const items = isSchema(schema.items) ? schema.items : true;
    // A distinct salt per element keeps `uniqueItems` arrays unique.
    return Array.from({ length: Math.max(count, prefix.length) }, (_, i) =>
      this.sample(prefix[i] ?? items, depth + 1, hint, i),
    );
  }

  private resolveRef(ref: string): Schema {
    if (ref === '#') return this.root;
    if (!ref.startsWith('#/')) return true; // remote refs are not fetched
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
    return isSchema(node) ? node : true;
  }

  private mergeAllOf(schema: Record<string, unknown>): Record<string, unknown> {
    const { allOf, ...rest } = schema;
    const merged: Record<string, unknown> = { ...rest };
    for (const part of allOf as unknown[]) {
      if (!isSchema(part) || typeof part === 'boolean') continue;
      const resolved = typeof part.$ref === 'string' ? this.resolveRef(part.$ref) : part;
      if (typeof resolved === 'boolean') continue;
      Object.assign(merged, resolved, {
        properties: { ...(merged.properties as object), ...(resolved.properties as object) },
        required: [...((merged.required as string[]) ?? []), ...((resolved.required as string[]) ?? [])],
      });
    }
    return merged;
  }
}

function isNullOnly(schema: Schema): boolean {
  return typeof schema === 'object' && schema.type === 'null';
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? type[0];
  if ('properties' in schema || 'required' in schema) return 'object';
  if ('items' in schema || 'prefixItems' in schema) return 'array';
  if ('minimum' in schema || 'maximum' in schema || 'multipleOf' in schema) return 'number';
  return undefined;
}

function sampleString(schema: Record<string, unknown>, hint: string, salt: number): string {
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (format === 'uuid') return `00000000-0000-4000-8000-${String(salt).padStart(12, '0')}`;
  let text = format && FIXED_FORMATS[format] ? FIXED_FORMATS[format] : `stub ${hint || 'text'}${salt > 0 ? ` ${salt + 1}` : ''}`;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  const codePoints = Array.from(text);
  if (codePoints.length > maxLength) text = codePoints.slice(0, maxLength).join('');
  else if (codePoints.length < minLength) text += 'x'.repeat(minLength - codePoints.length);
  return text;
}

function sampleNumber(schema: Record<string, unknown>, integer: boolean, salt: number): number {
  const step = integer ? 1 : 0.5;
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  if (typeof schema.minimum === 'number') low = schema.minimum + (schema.exclusiveMinimum === true ? step : 0);
  if (typeof schema.exclusiveMinimum === 'number') low = Math.max(low, schema.exclusiveMinimum + step);
  if (typeof schema.maximum === 'number') high = schema.maximum - (schema.exclusiveMaximum === true ? step : 0);
  if (typeof schema.exclusiveMaximum === 'number') high = Math.min(high, schema.exclusiveMaximum - step);
  if (low > high) {
    // A gap narrower than the step (0.1 < x < 0.2): its midpoint is in range.
    return (low - step + (high + step)) / 2;
  }
  let value = Math.min(Math.max(salt, low), high);
  if (integer) value = Math.ceil(value) <= high ? Math.ceil(value) : Math.floor(value);
  const multipleOf = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (multipleOf !== undefined) {
    const up = Math.ceil(value / multipleOf) * multipleOf;
    value = up <= high ? up : Math.floor(high / multipleOf) * multipleOf;
  }
  return value;
}
