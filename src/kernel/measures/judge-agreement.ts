/**
 * Judge versus measures: the analysis model scores each episode 0–10 on dimensions such as
 * emotional responsiveness; the measures count what the text shows (bids turned toward,
 * repairs, questions answered). Each pairing below says which measure speaks to which
 * dimension. Over episodes, the judge's mean (÷ 10) is set beside the measure's pooled share
 * and a gap of at least DISAGREEMENT_THRESHOLD is reported in plain words with the messages
 * behind it. Neither side is ground truth: a disagreement says "look here", not "the judge is
 * wrong". Pure: no I/O, no randomness.
 *
 * Relationship change is not paired: its natural partner, the sentiment trend within an
 * episode (second half against first), needs per-message sentiment in order, which
 * ConversationMeasures does not carry; a per-speaker mean cannot show a trend.
 */
import { spearman } from '../study/rank-correlation';
import type { ConversationMeasures } from './conversation-measures';

/**
 * A judge mean and its paired measure (both 0–1) this far apart disagree. Fixed before seeing
 * any data, not tuned: a third of the scale and a little more, so "7/10 vs 40%" (0.30) passes
 * while "9/10 vs 29%" (0.61) or "8/10 vs 45%" (0.35) is flagged.
 */
export const DISAGREEMENT_THRESHOLD = 0.35;

/** Below this much pooled evidence (bids, negative interactions, questions…) a share says too little to contradict anyone. */
export const MIN_EVIDENCE = 3;

/** A rank correlation over fewer episodes is noise. */
export const MIN_EPISODES_FOR_CORRELATION = 5;

export const JUDGE_MEASURE_KEYS = ['bidsTurnedToward', 'repairsPerNegative', 'positiveShare', 'warmShare', 'questionsAnswered'] as const;
export type JudgeMeasureKey = (typeof JUDGE_MEASURE_KEYS)[number];

/** What one episode's measures say for a pairing: `hits` of `total`, and the messages either way. */
export interface PairingEvidence {
  hits: number;
  total: number;
  /** Messages that count toward a high value (a bid turned toward, a repair). */
  supporting: string[];
  /** Messages that count against it (a bid turned away, a negative interaction). */
  opposing: string[];
  /** A second count the sentence mentions (follow-up questions), or 0. */
  extra: number;
}

export interface JudgePairing {
  key: JudgeMeasureKey;
  /** The judge's dimension key (as in the simulation DIMENSIONS). */
  dimension: string;
  dimensionLabel: string;
  label: string;
  definition: string;
  /** Why the pairing holds, and where it is weak. */
  rationale: string;
  /** What `total` counts ("bids"). */
  evidenceUnit: string;
  evidence(m: ConversationMeasures): PairingEvidence;
  /** The 0–1 value of `hits` of `total` (total > 0). */
  value(hits: number, total: number): number;
  /** "2 of 7 bids (29%) were turned toward". */
  describe(hits: number, total: number, extra: number): string;
  supportingVerb: string;
  opposingVerb: string;
}

const share = (hits: number, total: number) => hits / total;
const pct = (hits: number, total: number) => `${Math.round((100 * hits) / total)}%`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const unique = (ids: Iterable<string>) => [...new Set(ids)];
const sides = [0, 1] as const;

export const JUDGE_PAIRINGS: readonly JudgePairing[] = [
  {
    key: 'bidsTurnedToward',
    dimension: 'emotionalResponsiveness',
    dimensionLabel: 'emotional responsiveness',
    label: 'Bids turned toward',
    definition: 'Share of all bids for connection (both sides) that the other turned toward in the next reply.',
    rationale: 'The judge is asked for exactly this (bids turned toward rather than away or against); the measure classifies bids and replies with rules.',
    evidenceUnit: 'bids',
    evidence: (m) => ({
      hits: Math.round((m.pair.responsiveness.value ?? 0) * m.pair.responsiveness.n),
      total: m.pair.responsiveness.n,
      supporting: [...m.pair.responsiveness.messageIds],
      opposing: unique(sides.flatMap((s) => [...m.perSpeaker[s].bids.turnedAway.messageIds, ...m.perSpeaker[s].bids.turnedAgainst.messageIds])),
      extra: 0,
    }),
    value: share,
    describe: (hits, total) => `${hits} of ${plural(total, 'bid')} (${pct(hits, total)}) ${hits === 1 ? 'was' : 'were'} turned toward`,
    supportingVerb: 'turned toward',
    opposingVerb: 'turned away or against',
  },
  {
    key: 'repairsPerNegative',
    dimension: 'conflictRepair',
    dimensionLabel: 'conflict repair',
    label: 'Repair attempts per negative interaction',
    definition: 'Repair attempts (both sides) divided by negative interactions, capped at 1; undefined without a negative interaction.',
    rationale: 'Repair is only needed where something went wrong, so repairs are counted against the negative moments; whether a repair was accepted is not measured.',
    evidenceUnit: 'negative interactions',
    evidence: (m) => ({
      hits: sides.reduce<number>((sum, s) => sum + (m.perSpeaker[s].gottman.repairAttempts.value ?? 0), 0),
      total: m.pair.negativeInteractions.value ?? 0,
      supporting: unique(sides.flatMap((s) => m.perSpeaker[s].gottman.repairAttempts.messageIds)),
      opposing: [...m.pair.negativeInteractions.messageIds],
      extra: 0,
    }),
    value: (hits, total) => Math.min(1, hits / total),
    describe: (hits, total) => `${plural(hits, 'repair attempt')} for ${plural(total, 'negative interaction')}`,
    supportingVerb: 'repair attempts',
    opposingVerb: 'negative',
  },
  {
    key: 'positiveShare',
    dimension: 'humorAndWarmth',
    dimensionLabel: 'humor and warmth',
    label: 'Positive share of interactions',
    definition: 'Positive interactions divided by positive plus negative interactions (Gottman’s 5:1 is 0.83).',
    rationale: 'Warmth shows as a positive balance; the measure also counts plain positive sentiment, so it is broader than humour.',
    evidenceUnit: 'interactions',
    evidence: (m) => {
      const positive = m.pair.positiveInteractions.value ?? 0;
      return {
        hits: positive,
        total: positive + (m.pair.negativeInteractions.value ?? 0),
        supporting: [...m.pair.positiveInteractions.messageIds],
        opposing: [...m.pair.negativeInteractions.messageIds],
        extra: 0,
      };
    },
    value: share,
    describe: (hits, total) => `${hits} of ${plural(total, 'positive or negative interaction')} (${pct(hits, total)}) ${hits === 1 ? 'was' : 'were'} positive`,
    supportingVerb: 'positive',
    opposingVerb: 'negative',
  },
  {
    key: 'warmShare',
    dimension: 'humorAndWarmth',
    dimensionLabel: 'humor and warmth',
    label: 'Warm messages',
    definition: 'Share of messages with laughter, affection, gratitude or we-talk (the rapport index’s warmth component).',
    rationale: 'Humour and affection leave marks in text; but a warm conversation need not laugh in most messages, so a judge above this share is expected in part.',
    evidenceUnit: 'messages',
    evidence: (m) => {
      const warm = unique(sides.flatMap((s) => (['laughter', 'affection', 'gratitude', 'weTalk'] as const).flatMap((k) => m.perSpeaker[s].warmth[k].messageIds)));
      return { hits: warm.length, total: m.messages, supporting: warm, opposing: [], extra: 0 };
    },
    value: share,
    describe: (hits, total) => `${hits} of ${plural(total, 'message')} (${pct(hits, total)}) laughed or showed affection, gratitude or we-talk`,
    supportingVerb: 'warm',
    opposingVerb: '',
  },
  {
    key: 'questionsAnswered',
    dimension: 'communicationQuality',
    dimensionLabel: 'communication quality',
    label: 'Questions answered',
    definition: 'Share of all questions (both sides) answered in the other’s next reply; follow-up questions are counted beside it.',
    rationale: 'Listening shows as answering what was asked and following up on it; clarity and saying what matters are not measured.',
    evidenceUnit: 'questions',
    evidence: (m) => {
      const asked = sides.flatMap((s) => m.perSpeaker[s].questions.questionRate.messageIds);
      const answered = unique(sides.flatMap((s) => m.perSpeaker[s].questions.questionsAnswered.messageIds));
      const answeredSet = new Set(answered);
      return {
        hits: answered.length,
        total: sides.reduce<number>((sum, s) => sum + m.perSpeaker[s].questions.questionsAnswered.n, 0),
        supporting: answered,
        opposing: unique(asked.filter((id) => !answeredSet.has(id))),
        extra: sides.reduce<number>((sum, s) => sum + (m.perSpeaker[s].questions.followUpQuestions.value ?? 0), 0),
      };
    },
    value: share,
    describe: (hits, total, extra) =>
      `${hits} of ${plural(total, 'question')} (${pct(hits, total)}) ${hits === 1 ? 'was' : 'were'} answered in the next reply, with ${plural(extra, 'follow-up question')}`,
    supportingVerb: 'answered',
    opposingVerb: 'unanswered',
  },
];

/** One episode as the comparison reads it. */
export interface JudgedEpisode {
  /** The judge's 0–10 score per dimension key; a missing key was not scored. */
  judge: Readonly<Record<string, number | undefined>>;
  measures: ConversationMeasures;
}

export interface JudgeAgreement {
  key: JudgeMeasureKey;
  dimension: string;
  /** Episodes with both a judge score and some evidence (total > 0). */
  episodes: number;
  /** The judge's mean over those episodes, 0–10; null when there were none. */
  judgeMean: number | null;
  /** The measure over the same episodes, pooled: Σ hits / Σ total (so a one-bid episode weighs one bid). */
  measureValue: number | null;
  hits: number;
  total: number;
  extra: number;
  /** judgeMean / 10 − measureValue. */
  gap: number | null;
  enoughEvidence: boolean;
  disagrees: boolean;
  /** Spearman's ρ between the judge's score and the episode's own value, from MIN_EPISODES_FOR_CORRELATION episodes; null below or when either side is constant. */
  spearman: number | null;
  /** The disagreement in plain words; null when they agree or evidence is thin. */
  statement: string | null;
  /** The messages the statement cites (its direction's evidence), in the order given. */
  citedMessageIds: string[];
}

export interface AgreementOptions {
  /** Formats the cited ids for the sentence ("t3, t5"); default: the first six ids. */
  cite?: (ids: readonly string[]) => string;
}

export function judgeAgreement(episodes: readonly JudgedEpisode[], options: AgreementOptions = {}): JudgeAgreement[] {
  const cite = options.cite ?? ((ids: readonly string[]) => ids.slice(0, 6).join(', '));
  return JUDGE_PAIRINGS.map((pairing) => comparePairing(pairing, episodes, cite));
}

function comparePairing(pairing: JudgePairing, episodes: readonly JudgedEpisode[], cite: (ids: readonly string[]) => string): JudgeAgreement {
  const rows = episodes.flatMap((e) => {
    const score = e.judge[pairing.dimension];
    if (typeof score !== 'number' || !Number.isFinite(score)) return [];
    const evidence = pairing.evidence(e.measures);
    return evidence.total > 0 ? [{ score, evidence }] : [];
  });
  const hits = sum(rows.map((r) => r.evidence.hits));
  const total = sum(rows.map((r) => r.evidence.total));
  const extra = sum(rows.map((r) => r.evidence.extra));
  const judgeMean = rows.length === 0 ? null : sum(rows.map((r) => r.score)) / rows.length;
  const measureValue = total === 0 ? null : pairing.value(hits, total);
  const gap = judgeMean === null || measureValue === null ? null : judgeMean / 10 - measureValue;
  const enoughEvidence = total >= MIN_EVIDENCE;
  // The epsilon keeps a gap of exactly 0.35 (0.8 − 0.45 is 0.35000000000000003 or 0.3499…) on the documented side.
  const disagrees = gap !== null && enoughEvidence && Math.abs(gap) >= DISAGREEMENT_THRESHOLD - 1e-9;
  const spearman =
    rows.length >= MIN_EPISODES_FOR_CORRELATION
      ? spearmanRho(rows.map((r) => r.score), rows.map((r) => pairing.value(r.evidence.hits, r.evidence.total)))
      : null;

  let statement: string | null = null;
  let citedMessageIds: string[] = [];
  if (disagrees && judgeMean !== null && gap !== null) {
    const judgeHigher = gap > 0;
    citedMessageIds = unique(rows.flatMap((r) => (judgeHigher ? r.evidence.opposing : r.evidence.supporting)));
    const verb = judgeHigher ? pairing.opposingVerb : pairing.supportingVerb;
    const cited = citedMessageIds.length > 0 && verb ? ` (${cite(citedMessageIds)} ${verb})` : '';
    statement =
      `The judge gave ${pairing.dimensionLabel} ${judgeMean.toFixed(1)}/10, but ${judgeHigher ? 'only ' : ''}` +
      `${pairing.describe(hits, total, extra)}${cited}.`;
  }
  return { key: pairing.key, dimension: pairing.dimension, episodes: rows.length, judgeMean, measureValue, hits, total, extra, gap, enoughEvidence, disagrees, spearman, statement, citedMessageIds };
}

/** Spearman's ρ (ties share their average rank; null when a side is constant): the study kernel's. */
export const spearmanRho = spearman;

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
