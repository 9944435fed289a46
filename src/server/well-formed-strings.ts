// A lone UTF-16 surrogate ("\ud800" in JSON) is valid JSON but not valid Unicode: PostgreSQL
// rejects it inside jsonb and UTF-8 encoders mangle it. Client strings are made well-formed
// once, where they enter (HTTP bodies and websocket messages), as U+FFFD.
const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
// Two objects: a global regex's test() carries lastIndex from one string to the next.
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);
const LONE_SURROGATES = new RegExp(LONE_SURROGATE_SOURCE, 'g');

/** A JSON.parse reviver replacing lone surrogates in every string value (keys are never stored). */
export function wellFormedReviver(_key: string, value: unknown): unknown {
  return typeof value === 'string' && HAS_LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATES, '\uFFFD') : value;
}
