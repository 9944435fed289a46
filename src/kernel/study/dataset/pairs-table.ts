import type { ConversationMessage } from '../../measures';

/** The pairs of a study, column by column; people are referred to by their row in PeopleTable. */
export interface PairsTable {
  a: Int32Array;
  b: Int32Array;
  /** Each pair's group: the unit of independence (folds and bootstrap never split one). */
  groups: string[];
  /**
   * Where the groups come from: the pairs' group column, the people's (both people share it),
   * or, with neither, the connected components of the who-met-whom graph (so no person spans
   * two groups).
   */
  groupSource: 'pairs' | 'people' | 'connected-components';
  /** 0/1, or ordinal levels 1..k. */
  outcome: Float64Array;
  conversations: (ConversationMessage[] | null)[];
  /** Declared numeric pair columns; NaN = missing. */
  numeric: Record<string, Float64Array>;
  /** With schema.pairs.personas: each pair's SoulLink SELF and PARTNER persona ids (null: not linked). */
  personas?: ({ self: string; partner: string } | null)[];
  lines: Int32Array;
}
