/**
 * Whether a compatibility report's numbers are known to predict anything. A report's scores
 * are covered only by a match model of its owner that was fitted, in a validation study on
 * the owner's own outcomes, on SoulLink simulation scores (features named `sim:…`). A model
 * fitted on the measures of *real* conversations (`conv:…`) says how those measures predict
 * real outcomes; it does not cover the same measures read off a simulated conversation, and
 * the report says so rather than borrowing its AUC.
 */

/** The parts of a validity card (src/kernel/study ValidityCard) a report cites. */
export interface CitedCard {
  modelId: string;
  name: string;
  version: number;
  createdAt: string;
  datasetHash: string;
  n: number;
  auc: number | null;
  aucLow: number | null;
  aucHigh: number | null;
  /** What the model was fitted on: "simulation scores", "real conversations' measures", "profiles". */
  basis: string;
}

export interface ReportValidity {
  status: 'VALIDATED' | 'UNVALIDATED';
  /** One plain paragraph for the report's reader. */
  statement: string;
  /** The card that covers the scores (the newest such model), or null. */
  covering: CitedCard | null;
  /** The owner's other models, named so a reader knows they exist and why they do not count. */
  related: CitedCard[];
}

/** A stored match model as the report needs it. */
export interface StoredCard {
  id: string;
  name: string;
  version: number;
  card: { createdAt?: unknown; datasetHash?: unknown; n?: unknown; features?: unknown; metrics?: unknown };
}

const SIMULATION_FEATURE = /^sim:/;
const CONVERSATION_FEATURE = /^conv:/;

export function reportValidity(models: readonly StoredCard[]): ReportValidity {
  const cited = models.map(cite).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const covering = cited.find((c) => c.basis === 'simulation scores') ?? null;
  const related = cited.filter((c) => c !== covering);
  if (covering) {
    return {
      status: 'VALIDATED',
      statement:
        `Covered by your match model "${covering.name}" v${covering.version}, fitted on SoulLink simulation scores against your own outcomes ` +
        `(${covering.n} pairs, out-of-fold AUC ${auc(covering)}). That figure is how far such scores predicted those outcomes; it does not make this one pair's verdict certain.`,
      covering,
      related,
    };
  }
  const conversational = related.filter((c) => c.basis === "real conversations' measures");
  const note =
    conversational.length > 0
      ? ` Your model${conversational.length > 1 ? 's' : ''} ${conversational.map((c) => `"${c.name}" v${c.version} (AUC ${auc(c)})`).join(', ')} ` +
        `${conversational.length > 1 ? 'were' : 'was'} fitted on measures of real conversations; ${conversational.length > 1 ? 'they do' : 'it does'} not cover the same measures read off a simulated one.`
      : '';
  return {
    status: 'UNVALIDATED',
    statement:
      'Unvalidated: no study has shown that these scores predict real outcomes. The judge is a language model and the conversation measures are stated heuristics; ' +
      'read them as descriptions of this simulated conversation, not as a forecast. A validation study on your own outcome data (studies, match models) is how to find out.' +
      note,
    covering: null,
    related,
  };
}

function cite(model: StoredCard): CitedCard {
  const card = model.card;
  const metrics = (card.metrics ?? {}) as { auc?: unknown; aucLow?: unknown; aucHigh?: unknown };
  const features = Array.isArray(card.features) ? (card.features as { name?: unknown }[]).map((f) => String(f.name ?? '')) : [];
  const basis = features.some((f) => SIMULATION_FEATURE.test(f))
    ? 'simulation scores'
    : features.some((f) => CONVERSATION_FEATURE.test(f))
      ? "real conversations' measures"
      : 'profiles';
  return {
    modelId: model.id,
    name: model.name,
    version: model.version,
    createdAt: typeof card.createdAt === 'string' ? card.createdAt : '',
    datasetHash: typeof card.datasetHash === 'string' ? card.datasetHash : '',
    n: typeof card.n === 'number' ? card.n : 0,
    auc: numberOrNull(metrics.auc),
    aucLow: numberOrNull(metrics.aucLow),
    aucHigh: numberOrNull(metrics.aucHigh),
    basis,
  };
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function auc(c: CitedCard): string {
  if (c.auc === null) return 'not estimable';
  const interval = c.aucLow !== null && c.aucHigh !== null ? ` [${c.aucLow.toFixed(2)}, ${c.aucHigh.toFixed(2)}]` : '';
  return `${c.auc.toFixed(2)}${interval}`;
}
