import { isNegatedBefore, isPlayful } from './context-cues';
import { CHINESE_RULES } from './chinese-rules';
import { ENGLISH_RULES } from './english-rules';
import { BENIGN_IDIOM_PREFIXES, maskCandidateIdioms } from './benign-idioms';
import {
  MODERATION_CATEGORIES,
  type ModerationCategory,
  type ModerationDirection,
  type ModerationVerdict,
  type Moderator,
} from '../../ports/moderation.port';
import { literalPrefixes } from './literal-prefixes';
import type { PatternRule } from './pattern-rule';
import { PrefixIndex } from './prefix-index';
import { normalizeForModeration } from './text-normalizer';
import { verdictFrom } from './verdict-policy';

export type ModerationThresholds = Readonly<Record<ModerationCategory, number>>;

/**
 * Score at or above which a category is flagged. Self-harm and minors sit lower than the
 * rest: a needless supportive reply costs little, a missed one can cost a great deal.
 * A threshold above 1 turns a category off.
 */
export const DEFAULT_THRESHOLDS: ModerationThresholds = {
  sexual: 0.6,
  'sexual/minors': 0.4,
  hate: 0.5,
  harassment: 0.5,
  'harassment/threatening': 0.5,
  violence: 0.55,
  'self-harm': 0.45,
  'self-harm/intent': 0.45,
  'self-harm/instructions': 0.45,
  illicit: 0.5,
};

export interface LocalModeratorOptions {
  /** Overrides of DEFAULT_THRESHOLDS for both directions. */
  thresholds?: Partial<Record<ModerationCategory, number>>;
  /** Further overrides for model output only, e.g. to hold the model to a stricter bar than users. */
  outputThresholds?: Partial<Record<ModerationCategory, number>>;
  /** Replaces the built-in English and Chinese rules. */
  rules?: readonly PatternRule[];
}

export interface RuleHit {
  readonly ruleId: string;
  readonly category: ModerationCategory;
  /** The rule's weight after negation. */
  readonly weight: number;
  readonly matched: string;
  readonly negated: boolean;
}

/** A negated statement ("i dont want to die") still says something; it just says much less. */
const NEGATED_FACTOR = 0.25;
/** Banter ("lol", "哈哈") halves threats, insults and violence; see `isPlayful`. */
const PLAYFUL_FACTOR = 0.5;
const PLAYFUL_SOFTENS: ReadonlySet<ModerationCategory> = new Set([
  'harassment',
  'harassment/threatening',
  'violence',
]);

/**
 * A classifier for English and Chinese (simplified and traditional) built from weighted
 * patterns, for when no provider moderation endpoint is configured. It runs in-process with
 * no model, so it is fast and deterministic; it is also only as good as its lists, which the
 * labelled corpus in `moderation-corpus.ts` keeps honest.
 */
export class LocalModerator implements Moderator {
  private readonly inputThresholds: ModerationThresholds;
  private readonly outputThresholds: ModerationThresholds;
  /** Each rule with its pattern, made global to find every match; `unicode`: steps over empty matches by code point. */
  private readonly rules: readonly { rule: PatternRule; pattern: RegExp; unicode: boolean }[];
  /**
   * The rules a text may match, from the literal text each rule's matches begin with, and after
   * them (from index `rules.length` on) the benign idioms it may hold: one pass finds both.
   */
  private readonly prefixIndex: PrefixIndex;

  constructor(options: LocalModeratorOptions = {}) {
    this.inputThresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.outputThresholds = { ...this.inputThresholds, ...options.outputThresholds };
    const rules = options.rules ?? [...ENGLISH_RULES, ...CHINESE_RULES];
    this.rules = rules.map((rule) => ({
      rule,
      pattern: new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'g'),
      unicode: /[uv]/.test(rule.pattern.flags),
    }));
    // Views are lower case; a case-blind pattern's prefixes are compared in lower case too.
    this.prefixIndex = new PrefixIndex([
      ...rules.map((rule) => literalPrefixes(rule.pattern.source)?.map((p) => (rule.pattern.flags.includes('i') ? p.toLowerCase() : p)) ?? null),
      ...BENIGN_IDIOM_PREFIXES,
    ]);
  }

  moderate(text: string, direction: ModerationDirection): Promise<ModerationVerdict> {
    return Promise.resolve(this.classify(text, direction));
  }

  /** The same verdict as `moderate`, synchronously. */
  classify(text: string, direction: ModerationDirection): ModerationVerdict {
    const normalized = normalizeForModeration(text);
    const hits = this.hitsIn(normalized.views);
    const playful = isPlayful(normalized.plain);

    const scores: Partial<Record<ModerationCategory, number>> = {};
    for (const category of MODERATION_CATEGORIES) {
      const weights = hits.filter((hit) => hit.category === category).map((hit) => hit.weight);
      if (weights.length === 0) continue;
      // Noisy-OR: independent pieces of evidence add up but never pass 1.
      let score = 1 - weights.reduce((miss, weight) => miss * (1 - weight), 1);
      if (playful && PLAYFUL_SOFTENS.has(category)) score *= PLAYFUL_FACTOR;
      scores[category] = Math.round(score * 1000) / 1000;
    }

    const thresholds = direction === 'output' ? this.outputThresholds : this.inputThresholds;
    const flagged = MODERATION_CATEGORIES.filter((category) => (scores[category] ?? 0) >= thresholds[category]);
    return verdictFrom(flagged, scores);
  }

  /** Which rules fired on a text, strongest first: for tuning and for explaining a verdict. */
  explain(text: string): RuleHit[] {
    return this.hitsIn(normalizeForModeration(text).views);
  }

  /** Each rule counts once, at its strongest match across all views. */
  private hitsIn(views: readonly string[]): RuleHit[] {
    const best = new Map<string, RuleHit>();
    for (const text of views) {
      const { view, rules } = this.maskedWithCandidates(text);
      // Candidates come in rule order, so hits are found (and tie in the sort below) as if every rule ran.
      for (const index of rules) {
        const { rule, pattern, unicode } = this.rules[index]!;
        // What view.matchAll(pattern) yields, without the copy of the pattern matchAll makes each call.
        pattern.lastIndex = 0;
        for (let match = pattern.exec(view); match !== null; match = pattern.exec(view)) {
          // An empty match would be found again at the same place: step over it as matchAll does.
          if (match[0] === '') pattern.lastIndex = advanceIndex(view, pattern.lastIndex, unicode);
          const negated = rule.negatable === true && isNegatedBefore(view.slice(0, match.index));
          const weight = negated ? rule.weight * NEGATED_FACTOR : rule.weight;
          const previous = best.get(rule.id);
          if (previous === undefined || weight > previous.weight) {
            best.set(rule.id, { ruleId: rule.id, category: rule.category, weight, matched: match[0], negated });
          }
        }
      }
    }
    return [...best.values()].sort((a, b) => b.weight - a.weight);
  }

  /**
   * A word view with its benign idioms masked, and the rules that may match it: a rule none of
   * whose prefixes is in the view cannot match it, so most are skipped on ordinary chat. The
   * pass that finds the idioms finds the rules too; only a view an idiom changed is looked at again.
   */
  private maskedWithCandidates(text: string): { view: string; rules: number[] } {
    const ruleCount = this.rules.length;
    const candidates = this.prefixIndex.candidates(text);
    const idioms = candidates.filter((index) => index >= ruleCount).map((index) => index - ruleCount);
    const view = maskCandidateIdioms(text, idioms);
    const rules = (view === text ? candidates : this.prefixIndex.candidates(view)).filter((index) => index < ruleCount);
    return { view, rules };
  }
}

/** The spec's AdvanceStringIndex: one code unit, or a whole surrogate pair in unicode mode. */
function advanceIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}
