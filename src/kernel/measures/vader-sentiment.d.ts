/**
 * Types for vader-sentiment 1.1.3 (Apache-2.0), which ships none. Only what sentiment.ts uses:
 * the analyser's public static methods.
 */
declare module 'vader-sentiment' {
  export interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    compound: number;
  }

  /** What sentiment_valence reads from the library's SentiText. */
  export interface SentiTextLike {
    words_and_emoticons: string[];
    is_cap_diff: boolean;
  }

  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): PolarityScores;
    /** Appends the valence of words[index] (0 when not in the lexicon) to sentiments and returns it. */
    sentiment_valence(valence: number, sentiText: SentiTextLike, item: string, index: number, sentiments: number[]): number[];
    but_check(words: string[], sentiments: number[]): number[];
    score_valence(sentiments: number[], text: string): PolarityScores;
  };
}
