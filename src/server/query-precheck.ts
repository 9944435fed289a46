import { GraphQLError, NoFragmentCyclesRule, parse, validate, type GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../../graphql/limits/query-limits';
import { limitRules } from '../../graphql/limits/validation-rules';

/** Distinct documents remembered (a client sends the same few again and again). */
const CACHE_SIZE = 500;

export interface Refusal {
  message: string;
  locations?: readonly { line: number; column: number }[];
  extensions: { code: string };
}

/**
 * The query limits (tokens, depth, aliases, directives, cost) checked before anything else:
 * Apollo builds the request's context (token check, session lookup in PostgreSQL) before it
 * parses, so an abusive document used to cost a database round trip before its refusal. The
 * same limits run again inside Apollo (with GraphQL's own rules); this check only answers
 * early. Verdicts are kept per document text, so a repeated query is a map lookup.
 */
export class QueryPrecheck {
  private readonly verdicts = new Map<string, Refusal[] | null>();
  private readonly rules;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: QueryLimits,
  ) {
    // A fragment cycle is refused by GraphQL's own rule; run here too, it keeps the limit rules
    // from walking a cycle and answers that abuse early as well.
    this.rules = [NoFragmentCyclesRule, ...limitRules(limits)];
  }

  /** The refusals of `query`, or null when it is within the limits. */
  check(query: string): Refusal[] | null {
    const known = this.verdicts.get(query);
    if (known !== undefined) return known;
    const verdict = this.evaluate(query);
    if (this.verdicts.size >= CACHE_SIZE) this.verdicts.delete(this.verdicts.keys().next().value!);
    this.verdicts.set(query, verdict);
    return verdict;
  }

  private evaluate(query: string): Refusal[] | null {
    let document;
    try {
      document = parse(query, { maxTokens: this.limits.maxTokens });
    } catch (err) {
      // Apollo answers a document it cannot parse with the same code.
      if (err instanceof GraphQLError) return [refusal(err, 'GRAPHQL_PARSE_FAILED')];
      throw err;
    }
    const errors = validate(this.schema, document, this.rules);
    // GraphQL's own rule carries no code; Apollo reports it as a validation failure.
    return errors.length > 0 ? errors.map((e) => refusal(e, typeof e.extensions?.code === 'string' ? e.extensions.code : 'GRAPHQL_VALIDATION_FAILED')) : null;
  }
}

function refusal(error: GraphQLError, code: string): Refusal {
  return { message: error.message, ...(error.locations ? { locations: error.locations } : {}), extensions: { code } };
}
