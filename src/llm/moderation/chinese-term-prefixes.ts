import { CHINESE_RULES } from './chinese-rules';
import type { PatternRule } from './pattern-rule';

const HAN = /\p{Script=Han}/u;

/**
 * The runs of Chinese characters a pattern is written with, outside character classes: the
 * literal terms it matches ("自杀", "一了百了", "有什么意思"). A class ([你您他她]), an escape, a
 * group or an alternation ends a run, so a term is never longer than what the pattern spells.
 */
export function chineseTermsOf(pattern: RegExp): string[] {
  const source = [...pattern.source];
  const terms: string[] = [];
  let run = '';
  const endRun = () => {
    if (run) terms.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (HAN.test(char)) {
      run += char;
      continue;
    }
    endRun();
    if (char === '\\') i += 1;
    else if (char === '[') {
      for (i += 1; i < source.length && source[i] !== ']'; i += 1) if (source[i] === '\\') i += 1;
    }
  }
  endRun();
  return terms;
}

/** Every proper prefix of every term of the rules ("自" of "自杀", "一了百" of "一了百了"). */
export function termPrefixesOf(rules: readonly PatternRule[]): ReadonlySet<string> {
  const prefixes = new Set<string>();
  for (const { pattern } of rules) {
    for (const term of chineseTermsOf(pattern)) {
      const chars = [...term];
      for (let end = 1; end < chars.length; end += 1) prefixes.add(chars.slice(0, end).join(''));
    }
  }
  return prefixes;
}

/**
 * The proper prefixes of the built-in Chinese rules' terms: text that ends in one of them may be
 * the first half of a term the next characters complete, so output moderation holds it back.
 */
export const CHINESE_TERM_PREFIXES = termPrefixesOf(CHINESE_RULES);

/** The longest such prefix, in characters: how far back from the end a held term can start. */
export const LONGEST_CHINESE_TERM_PREFIX = Math.max(0, ...[...CHINESE_TERM_PREFIXES].map((prefix) => [...prefix].length));
