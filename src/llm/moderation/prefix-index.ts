/**
 * Which of a list of rules may match a text, from the literal prefixes each needs (see
 * literalPrefixes): one pass over the text finds every prefix present, instead of a substring
 * search per prefix per rule (1,500 of them for the built-in lists).
 *
 * The pass runs for every word a reply streams (OutputGate), so it allocates next to nothing:
 * each distinct prefix is filed in a hash table by the char codes of its first one, two or three
 * characters (as many as it has, at most three), and at each position of the text only the
 * three buckets of the characters there are looked at. A bucket's prefixes are confirmed with
 * startsWith, which also sets aside the ones that merely share the bucket.
 */
export class PrefixIndex {
  /** `byStart[n - 1]`: the prefixes of length n (of 3 or more for n = 3), by a hash of their first n char codes. */
  private readonly byStart: (Entry[] | undefined)[][] = [newTable(), newTable(), newTable()];
  /** Rules without prefixes: they always run. */
  private readonly always: number[] = [];
  /** `marks[rule] === pass`: the rule was found in the current pass (no set to allocate and clear each time). */
  private readonly marks: Uint32Array;
  private pass = 0;
  /** See codesOf. */
  private codes = new Uint16Array(256);

  constructor(prefixesByRule: readonly (readonly string[] | null)[]) {
    this.marks = new Uint32Array(prefixesByRule.length);
    const byPrefix = new Map<string, Entry>();
    prefixesByRule.forEach((prefixes, rule) => {
      if (prefixes === null) {
        this.always.push(rule);
        return;
      }
      for (const prefix of prefixes) {
        // An empty prefix names no text to find: such a rule is never a candidate through it.
        if (prefix.length === 0) continue;
        const known = byPrefix.get(prefix);
        if (known) {
          known.rules.push(rule);
          continue;
        }
        const entry: Entry = { prefix, rules: [rule], fourth: prefix.length > KEY_LENGTH ? prefix.charCodeAt(KEY_LENGTH) : -1 };
        byPrefix.set(prefix, entry);
        const keyLength = Math.min(prefix.length, KEY_LENGTH);
        let hash = 0;
        for (let k = 0; k < keyLength; k++) hash = step(hash, prefix.charCodeAt(k));
        (this.byStart[keyLength - 1][hash & MASK] ??= []).push(entry);
      }
    });
  }

  /** The rules that may match `text`: indexes into the constructor's list, in ascending order. */
  candidates(text: string): number[] {
    const pass = this.nextPass();
    const found = [...this.always];
    for (const rule of found) this.marks[rule] = pass;
    const codes = this.codesOf(text);
    const [ones, twos, threes] = this.byStart;
    // Most buckets are empty: they are tested here, without a call.
    for (let i = 0; i < text.length; i++) {
      const one = step(0, codes[i]!);
      const byOne = ones[one & MASK];
      if (byOne !== undefined) this.collect(byOne, text, i, found);
      if (i + 1 >= text.length) continue;
      const two = step(one, codes[i + 1]!);
      const byTwo = twos[two & MASK];
      if (byTwo !== undefined) this.collect(byTwo, text, i, found);
      if (i + 2 >= text.length) continue;
      const byThree = threes[step(two, codes[i + 2]!) & MASK];
      if (byThree !== undefined) this.collect(byThree, text, i, found);
    }
    return found.sort((a, b) => a - b);
  }

  private collect(entries: readonly Entry[], text: string, at: number, found: number[]): void {
    for (const { prefix, rules, fourth } of entries) {
      // Prefixes that share their first three characters mostly differ at the fourth: a cheap first test.
      if (fourth >= 0 && (at + KEY_LENGTH >= text.length || this.codes[at + KEY_LENGTH] !== fourth)) continue;
      if (!text.startsWith(prefix, at)) continue;
      for (const rule of rules) {
        if (this.marks[rule] === this.pass) continue;
        this.marks[rule] = this.pass;
        found.push(rule);
      }
    }
  }

  /**
   * The text's char codes, in a buffer kept between passes. Read from a typed array, the pass
   * runs at the same speed whatever the string's representation (V8 keeps Latin-1 and UTF-16
   * strings, flat or sliced): read with charCodeAt, it ran at half speed on English once it had
   * also seen Chinese.
   */
  private codesOf(text: string): Uint16Array {
    if (this.codes.length < text.length) this.codes = new Uint16Array(2 * text.length);
    for (let i = 0; i < text.length; i++) this.codes[i] = text.charCodeAt(i);
    return this.codes;
  }

  private nextPass(): number {
    if (this.pass === 0xffffffff) {
      this.marks.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }
}

interface Entry {
  readonly prefix: string;
  /** The rules with this prefix. */
  readonly rules: number[];
  /** The char code after the key (-1 for a prefix no longer than the key). */
  readonly fourth: number;
}

/** Prefixes are keyed by up to this many first characters. */
const KEY_LENGTH = 3;
/** 16K buckets a table: the built-in rules' 1,500 prefixes leave most empty, so few positions look at any. */
const MASK = (1 << 14) - 1;
const newTable = (): (Entry[] | undefined)[] => new Array<Entry[] | undefined>(MASK + 1).fill(undefined);
/** The hash of a key with one more char code; any collision only costs a startsWith. */
const step = (hash: number, code: number): number => (hash * 31 + code) | 0;
