/**
 * English words that carry grammar rather than style. A phrase made only of these
 * ("i was in the") is noise.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my mine myself we us our ours you your yours he him his she her hers it its they them their ' +
    'a an the and or but if so as of at by for with about into onto to from in on off out over up down ' +
    'is am are was were be been being have has had having do does did doing will would shall should can ' +
    'could may might must this that these those there here what which who whom whose when where why how ' +
    'all any both each few more most other some such no nor not only own same than too very just also ' +
    "then than s t don't im i'm it's that's you're i've i'll i'd isn't wasn't can't won't didn't doesn't"
  ).split(/\s+/),
);

/**
 * The subset that may not open or close a phrase: articles, prepositions, conjunctions and
 * auxiliaries make cut-off fragments ("going to the"). Pronouns stay allowed at the edges,
 * because "love you" and "miss you" are exactly the phrases that mark a person.
 */
export const EDGE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so as of at by for with about into onto to from in on off out over ' +
    'is am are was were be been being have has had do does did will would shall should can could may might must ' +
    'than then that which'
  ).split(/\s+/),
);
