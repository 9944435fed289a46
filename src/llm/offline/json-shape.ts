/**
 * A JSON Schema as the shape of the answer it asks for, in the JSON itself with a placeholder
 * for each value: `{"dimensions": {"goalCompletion": {"reasoning": "…", "score": <0-10>}}}`. What the offline model is told to write: the grammar
 * enforces the schema either way, and the schema's own JSON (types, $defs, $refs, bounds)
 * costs a small model 2–3× the prompt tokens — each ~10 ms to evaluate on a CPU — while
 * TinyLlama copied its fragments (`":{"`, the first enum value) into the answer.
 */
export function jsonShape(schema: unknown): string {
  const root = isRecord(schema) ? schema : {};
  const defs = { ...(isRecord(root.definitions) ? root.definitions : {}), ...(isRecord(root.$defs) ? root.$defs : {}) };
  return shapeOf(root, defs, 0);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep enough for any answer schema; a self-referencing one stops here. */
const MAX_DEPTH = 8;

function shapeOf(node: unknown, defs: Record<string, unknown>, depth: number): string {
  if (!isRecord(node) || depth > MAX_DEPTH) return '<value>';
  if (typeof node.$ref === 'string') return shapeOf(defs[node.$ref.replace(/^#\/(?:\$defs|definitions)\//, '')], defs, depth + 1);
  if ('const' in node) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return enumShape(node.enum);
  const alternatives = node.oneOf ?? node.anyOf;
  if (Array.isArray(alternatives)) return alternatives.map((a) => shapeOf(a, defs, depth + 1)).join(' or ');
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  switch (type) {
    case 'object': {
      const properties = isRecord(node.properties) ? node.properties : {};
      return `{${Object.entries(properties)
        .map(([key, value]) => `${JSON.stringify(key)}: ${shapeOf(value, defs, depth + 1)}`)
        .join(', ')}}`;
    }
    case 'array': {
      if (node.maxItems === 0) return '[]';
      return `[${shapeOf(node.items, defs, depth + 1)}${typeof node.maxItems !== 'number' || node.maxItems > 1 ? ', …' : ''}]`;
    }
    case 'string':
      // No words in a string's placeholder: a 1B model copies them into the answer ("<turn").
      return '"…"';
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' && typeof node.maximum === 'number' ? `<${node.minimum}-${node.maximum}>` : `<${type}>`;
    case 'boolean':
      return '<true or false>';
    default:
      return '<value>';
  }
}

function enumShape(values: readonly unknown[]): string {
  if (values.length > 0 && values.every((v) => typeof v === 'number')) {
    const numbers = values as number[];
    const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
    // A run of whole numbers reads as its range.
    if (numbers.length === high - low + 1) return `<${low}-${high}>`;
  }
  return `<one of ${values.map((v) => JSON.stringify(v)).join(', ')}>`;
}
