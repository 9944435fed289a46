/**
 * What an analyst declares about the two tables of a validation study. Only declared columns
 * are read; every other column of a file must be listed under `ignore` (so a misspelt feature
 * column, or an answer key such as the example's `truth_*` columns, can never slip in unnoticed
 * or become a feature). Features are derived from this declaration (see features/feature-plan).
 */
export interface StudySchema {
  version: 1;
  /** Free text for the analyst (what the columns are, why some are ignored). */
  notes: string | null;
  people: {
    /** The person id column (unique). */
    id: string;
    /** The event / wave / session a person belongs to; null when the file has none. */
    group: string | null;
    /** Stand-alone attributes: numeric ones give |a−b| and a−b, categorical ones a same-category flag. */
    attributes: AttributeSpec[];
    /** Sets of numeric columns compared as vectors (cosine, L1, correlation); importance weights fit a ratings group. */
    attributeGroups: AttributeGroupSpec[];
    /** Columns present in the file and deliberately not read. */
    ignore: string[];
  };
  pairs: {
    /** The two people of a pair (directed: A is the rater when the outcome is A's decision). */
    personA: string;
    personB: string;
    /** The pair's group (wave); when null, person A's group is used, else connected components. */
    group: string | null;
    outcome: OutcomeSpec;
    /** A column holding the pair's conversation ("Name: message" lines or a JSON array of messages). */
    conversation: string | null;
    /** Numeric pair-level columns used as features as given (e.g. a score computed elsewhere). */
    numeric: { column: string; label: string | null }[];
    /**
     * Two columns naming the analyst's SoulLink SELF and PARTNER persona ids for a pair (both
     * blank: not linked). A linked pair's latest completed simulation gives `sim:` features;
     * absent (not `null`) in schemas that do not declare it, so their datasets hash as before.
     */
    personas?: { self: string; partner: string } | null;
    ignore: string[];
  };
  /** Named scores to beat: a feature's value (higher = more likely positive, or lower with direction 'lower'). */
  baselines: BaselineSpec[];
  /** The attribute the fairness report splits by (a categorical people attribute of one side of the pair). */
  fairness: { attribute: string; side: 'a' | 'b' } | null;
}

export interface AttributeSpec {
  column: string;
  kind: 'numeric' | 'categorical';
  /** 'age': adds the automatic baseline −|age difference|. */
  role: 'age' | null;
  label: string | null;
}

export interface AttributeGroupSpec {
  /** Used in feature names: cosine:<name>. */
  name: string;
  /**
   * 'profile': interests or tastes (also an automatic cosine baseline); 'ratings': self-ratings
   * on attributes; 'importance': how much a person values each attribute — paired with the
   * ratings group named in `ratings`, column by column, for the importance-weight fit.
   */
  kind: 'profile' | 'ratings' | 'importance';
  columns: string[];
  ratings: string | null;
  label: string | null;
}

export interface OutcomeSpec {
  column: string;
  /** binary: 0/1; ordinal: integers 1..levels. */
  kind: 'binary' | 'ordinal';
  levels: number | null;
}

export interface BaselineSpec {
  name: string;
  /** A feature name (see featureCatalog), e.g. "cosine:interests" or "abs_diff:age". */
  feature: string;
  direction: 'higher' | 'lower';
  description: string | null;
}
