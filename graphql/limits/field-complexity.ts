/**
 * What a field costs in the query cost limit (graphql/limits/operation-cost.ts) when it does
 * more than read a row: every other field costs 1. Set with type-graphql's `complexity`
 * option, which stores the number in the field's `extensions.complexity`.
 */

/** A field that asks a model (chat, scoring, vision, speech, embeddings for a search). */
export const MODEL_CALL_COMPLEXITY = 100;

/** A field that runs OCR or another CPU-heavy step in the request. */
export const HEAVY_COMPUTE_COMPLEXITY = 100;

/** A field that runs a heavy query or reads many rows at once (an export, a report, a ranking). */
export const HEAVY_QUERY_COMPLEXITY = 25;
