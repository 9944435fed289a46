import { auc } from './auc';
import { sigmoid } from './logistic-regression';
import { deriveSeed, logistic, mulberry32, normal, randomInt } from './random';

// Math is read through module constants because hot loops run under jest's vm sandbox too,
// where every global lookup costs ~100× a local one.
const { abs, exp, floor, hypot, max, min, round, sqrt } = Math;

/**
 * A synthetic speed-dating study with a planted signal of known strength, shaped like the
 * Columbia speed-dating experiment (Fisman, Iyengar, Kamenica & Simonson, 2006): people meet
 * every opposite-gender participant of their wave, and each rater says yes or no to each partner.
 * Nothing here is real data; it exists so the study statistics can be checked against a truth.
 *
 * Each directed pair's latent attraction is
 *
 *   intercept + signal·s + popularity(partner) + selectivity(rater) + logistic noise,
 *
 * where s is a fixed, unit-variance mix of three profile measures (interest correlation,
 * importance-weighted fit, age gap, see `plantedScore`). `decision` is latent > 0 and the 1–5
 * `rating` cuts the same latent (rating ≥ 4 ⇔ decision = 1), so the ordinal outcome refines the
 * binary one. Popularity is the person-level effect of the brief: some people are liked by
 * everyone. No profile measure reveals it, so it is learnable only by recognising the person —
 * which cross-validation must not allow (folds by wave).
 *
 * The best AUC any model of the profile features can reach is the AUC of the planted logit
 * (`featureCeilingAuc`, computed on a large sample); the oracle that also knows every person's
 * random effects does better (`oracleAuc`), and no fair model should approach it.
 */

/** The 17 interest activities of the Columbia speed-dating survey, rated 1–10. */
export const INTERESTS = [
  'sports',
  'tvsports',
  'exercise',
  'dining',
  'museums',
  'art',
  'hiking',
  'gaming',
  'clubbing',
  'reading',
  'tv',
  'theater',
  'movies',
  'concerts',
  'music',
  'shopping',
  'yoga',
] as const;

/** The six partner attributes: importance weights (summing to 100) and self-ratings (1–10). */
export const ATTRIBUTES = ['attractive', 'sincere', 'intelligent', 'fun', 'ambitious', 'shared_interests'] as const;

/**
 * Signal strengths (logit per SD of the planted score). `strong` is tuned so the feature
 * ceiling AUC is ≈ 0.75 with the default person effects (measured: see the test); `weak` gives
 * ≈ 0.62, about what profile-only speed-dating data reaches; `none` plants nothing.
 */
export const SIGNAL = { strong: 1.36, weak: 0.55, none: 0 } as const;

export interface SyntheticStudyOptions {
  seed: number;
  /** Participants (default 300). */
  people?: number;
  /** Wave sizes are drawn uniformly from [min, max] (default 14–26). */
  waveSize?: { min: number; max: number };
  /** Logit per SD of the planted score (default SIGNAL.strong). */
  signal?: number;
  /** SD of the partner effect: how much some people are liked by everyone (default 1). */
  popularitySd?: number;
  /** SD of the rater effect: how choosy each rater is (default 0.7). */
  selectivitySd?: number;
  /** Sets the base rate: −0.4 gives about 40% yes, near the Columbia data's 42% (default). */
  intercept?: number;
  /** The categorical attribute (default A/B/C/D with weights .45/.25/.2/.1). */
  categories?: { values: readonly string[]; weights: readonly number[] };
  /**
   * Planted unfairness: for pairs whose *partner* is in `category`, the signal is multiplied by
   * `signalScale` (the measures work worse for them) and `logitShift` is added (they get fewer
   * yeses).
   */
  disparity?: { category: string; signalScale?: number; logitShift?: number };
}

export interface SyntheticPerson {
  id: number;
  wave: number;
  gender: 'F' | 'M';
  age: number;
  category: string;
  /** One per INTERESTS entry, 1–10. */
  interests: number[];
  /** One per ATTRIBUTES entry, summing to 100. */
  importance: number[];
  /** One per ATTRIBUTES entry, 1–10. */
  selfRatings: number[];
  /** Generator truth, not observable: the partner effect (liked by everyone). */
  popularity: number;
  /** Generator truth, not observable: the rater effect (choosiness, higher = more yeses). */
  selectivity: number;
}

export interface SyntheticPair {
  rater: number;
  partner: number;
  wave: number;
  /** Pearson correlation of the two people's 17 interest ratings. */
  interestCorrelation: number;
  /** Rater's importance weights · partner's self-ratings relative to the partner's own mean. */
  importanceFit: number;
  /** |rater age − partner age| in years. */
  ageGap: number;
  /** The planted, feature-only log-odds (intercept + signal·score, disparity included). */
  plantedLogit: number;
  /** σ(plantedLogit): the noiseless feature-level probability. */
  featureProbability: number;
  /** The probability given everything, person effects included (the oracle's). */
  trueProbability: number;
  decision: 0 | 1;
  /** 1–5; rating ≥ 4 exactly when decision = 1. */
  rating: number;
}

export interface SyntheticStudy {
  options: Required<Omit<SyntheticStudyOptions, 'disparity'>> & Pick<SyntheticStudyOptions, 'disparity'>;
  people: SyntheticPerson[];
  pairs: SyntheticPair[];
}

// Population moments of the three measures under this generator (measured on 618,260
// generated pairs, seed 99), so the planted score has mean ≈ 0 and SD ≈ 1 whatever the sample.
const MOMENTS = {
  interestCorrelation: { mean: 0.0003, sd: 0.3027 },
  importanceFit: { mean: 0.0105, sd: 0.2501 },
  ageGap: { mean: 4.0538, sd: 3.0677 },
};
// Weights of the three standardised measures in the planted score (age gap lowers attraction).
const WEIGHTS = { interestCorrelation: 0.6, importanceFit: 0.6, ageGap: -0.5 };
const WEIGHT_NORM = hypot(WEIGHTS.interestCorrelation, WEIGHTS.importanceFit, WEIGHTS.ageGap);
// Latent cuts for ratings 2, 3, 4, 5; the cut for 4 is 0, the decision threshold.
const RATING_CUTS = [-2.2, -1.0, 0, 1.6];

/** Unit-variance planted score of one pair's three measures. */
export function plantedScore(measures: { interestCorrelation: number; importanceFit: number; ageGap: number }): number {
  const z = (value: number, m: { mean: number; sd: number }) => (value - m.mean) / m.sd;
  return (
    (WEIGHTS.interestCorrelation * z(measures.interestCorrelation, MOMENTS.interestCorrelation) +
      WEIGHTS.importanceFit * z(measures.importanceFit, MOMENTS.importanceFit) +
      WEIGHTS.ageGap * z(measures.ageGap, MOMENTS.ageGap)) /
    WEIGHT_NORM
  );
}

// Interest loadings on three tastes (active, culture, social): people sharing a taste rate its
// activities alike, which is what makes interest correlation vary between pairs.
const LOADINGS: Record<(typeof INTERESTS)[number], [number, number, number]> = {
  sports: [0.9, 0, 0],
  tvsports: [0.8, -0.2, 0.1],
  exercise: [0.7, 0, 0.2],
  dining: [0, 0.3, 0.6],
  museums: [-0.1, 0.9, 0],
  art: [-0.2, 0.9, 0],
  hiking: [0.6, 0.2, -0.1],
  gaming: [0.4, -0.3, -0.2],
  clubbing: [0.1, -0.2, 0.9],
  reading: [-0.2, 0.7, -0.2],
  tv: [0.2, -0.3, 0.3],
  theater: [-0.1, 0.8, 0.2],
  movies: [0, 0.3, 0.4],
  concerts: [0, 0.4, 0.6],
  music: [0, 0.5, 0.4],
  shopping: [-0.2, 0, 0.8],
  yoga: [0.3, 0.2, 0.3],
};
// Typical importance weights (Columbia data means, roughly) and self-rating means.
const IMPORTANCE_CENTRES = [22, 17, 20, 17, 10, 12];
const SELF_RATING_MEANS = [7.1, 8.3, 7.7, 7.7, 7.6, 6.9];

export function generateSpeedDating(options: SyntheticStudyOptions): SyntheticStudy {
  const resolved = {
    seed: options.seed,
    people: options.people ?? 300,
    waveSize: options.waveSize ?? { min: 14, max: 26 },
    signal: options.signal ?? SIGNAL.strong,
    popularitySd: options.popularitySd ?? 1,
    selectivitySd: options.selectivitySd ?? 0.7,
    intercept: options.intercept ?? -0.4,
    categories: options.categories ?? { values: ['A', 'B', 'C', 'D'], weights: [0.45, 0.25, 0.2, 0.1] },
    disparity: options.disparity,
  };
  if (resolved.waveSize.min < 2 || resolved.waveSize.max < resolved.waveSize.min) throw new Error('bad wave sizes');
  // Separate streams: changing the signal or the disparity leaves the people and the noise as
  // they were, so settings can be compared pair by pair.
  const people = makePeople(resolved, mulberry32(deriveSeed(options.seed, 'people')));
  const pairs = makePairs(resolved, people, mulberry32(deriveSeed(options.seed, 'outcomes')));
  return { options: resolved, people, pairs };
}

function makePeople(options: SyntheticStudy['options'], random: () => number): SyntheticPerson[] {
  const sizes: number[] = [];
  let remaining = options.people;
  while (remaining > 0) {
    const size = options.waveSize.min + randomInt(random, options.waveSize.max - options.waveSize.min + 1);
    if (remaining - size < options.waveSize.min) {
      // The remainder cannot make a wave of its own: fold it into this one.
      sizes.push(remaining);
      break;
    }
    sizes.push(size);
    remaining -= size;
  }
  const people: SyntheticPerson[] = [];
  sizes.forEach((size, w) => {
    const women = floor(size / 2) + (size % 2 === 1 && random() < 0.5 ? 1 : 0);
    for (let k = 0; k < size; k++) {
      const tastes = [normal(random), normal(random), normal(random)];
      const interests = INTERESTS.map((name) => {
        const load = LOADINGS[name];
        const value = 6 + 1.6 * (load[0] * tastes[0] + load[1] * tastes[1] + load[2] * tastes[2]) + 1.4 * normal(random);
        return clampRound(value, 1, 10);
      });
      const raw = IMPORTANCE_CENTRES.map((c) => c * exp(0.45 * normal(random)));
      const total = raw.reduce((s, v) => s + v, 0);
      const importance = raw.map((v) => round((100 * v) / total));
      // Rounding may miss 100 by a point or two; the largest weight absorbs it.
      const largest = importance.indexOf(max(...importance));
      importance[largest] += 100 - importance.reduce((s, v) => s + v, 0);
      const level = 0.6 * normal(random);
      const selfRatings = SELF_RATING_MEANS.map((m) => clampRound(m + level + 1.2 * normal(random), 1, 10));
      people.push({
        id: people.length + 1,
        wave: w + 1,
        gender: k < women ? 'F' : 'M',
        age: clampRound(26.5 + 3.6 * normal(random), 18, 45),
        category: pickWeighted(options.categories.values, options.categories.weights, random),
        interests,
        importance,
        selfRatings,
        popularity: options.popularitySd * normal(random),
        selectivity: options.selectivitySd * normal(random),
      });
    }
  });
  return people;
}

function makePairs(options: SyntheticStudy['options'], people: SyntheticPerson[], random: () => number): SyntheticPair[] {
  const pairs: SyntheticPair[] = [];
  const byWave = new Map<number, SyntheticPerson[]>();
  for (const p of people) {
    const list = byWave.get(p.wave);
    if (list) list.push(p);
    else byWave.set(p.wave, [p]);
  }
  for (const [wave, members] of byWave) {
    for (const rater of members) {
      for (const partner of members) {
        if (partner.gender === rater.gender) continue;
        const measures = pairMeasures(rater, partner);
        const disadvantaged = options.disparity !== undefined && partner.category === options.disparity.category;
        const scale = disadvantaged ? (options.disparity!.signalScale ?? 1) : 1;
        const shift = disadvantaged ? (options.disparity!.logitShift ?? 0) : 0;
        const plantedLogit = options.intercept + options.signal * scale * plantedScore(measures) + shift;
        const personal = partner.popularity + rater.selectivity;
        // The noise is drawn for every pair in the same order whatever the settings.
        const latent = plantedLogit + personal + logistic(random);
        const rating = 1 + RATING_CUTS.filter((cut) => latent > cut).length;
        pairs.push({
          rater: rater.id,
          partner: partner.id,
          wave,
          ...measures,
          plantedLogit,
          featureProbability: sigmoid(plantedLogit),
          trueProbability: sigmoid(plantedLogit + personal),
          decision: latent > 0 ? 1 : 0,
          rating,
        });
      }
    }
  }
  return pairs;
}

/** The three profile measures of a directed pair. */
export function pairMeasures(
  rater: SyntheticPerson,
  partner: SyntheticPerson,
): { interestCorrelation: number; importanceFit: number; ageGap: number } {
  const selfMean = partner.selfRatings.reduce((s, v) => s + v, 0) / partner.selfRatings.length;
  let importanceFit = 0;
  rater.importance.forEach((w, k) => (importanceFit += (w / 100) * (partner.selfRatings[k] - selfMean)));
  return {
    interestCorrelation: correlation(rater.interests, partner.interests),
    importanceFit,
    ageGap: abs(rater.age - partner.age),
  };
}

/** AUC of the planted feature-level logit: the ceiling for any model of the profile features. */
export function featureCeilingAuc(study: SyntheticStudy): number {
  return auc(
    study.pairs.map((p) => p.plantedLogit),
    study.pairs.map((p) => p.decision),
  )!;
}

/** AUC of the full true probability (person effects known): unreachable for a fair model. */
export function oracleAuc(study: SyntheticStudy): number {
  return auc(
    study.pairs.map((p) => p.trueProbability),
    study.pairs.map((p) => p.decision),
  )!;
}

/** The three planted measures as a feature matrix, in the order of `names`. */
export function pairFeatures(study: SyntheticStudy): { names: string[]; rows: number[][] } {
  return {
    names: ['interest_correlation', 'importance_fit', 'age_gap'],
    rows: study.pairs.map((p) => [p.interestCorrelation, p.importanceFit, p.ageGap]),
  };
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  // Someone who rates everything alike has no profile to correlate: call it 0.
  return saa === 0 || sbb === 0 ? 0 : sab / sqrt(saa * sbb);
}

function clampRound(value: number, low: number, high: number): number {
  return min(high, max(low, round(value)));
}

function pickWeighted(values: readonly string[], weights: readonly number[], random: () => number): string {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = random() * total;
  for (let i = 0; i < values.length; i++) {
    u -= weights[i];
    if (u < 0) return values[i];
  }
  return values[values.length - 1];
}
