/**
 * Which of a list of rules may match a text, from the literal prefixes each needs (see
 * literalPrefixes): one pass over the text's character pairs finds every prefix present,
 * instead of a substring search per prefix per rule (1,500 of them for the built-in lists).
 */
export class PrefixIndex {
  /** Prefixes by their first two characters (one-character prefixes under that character alone). */
  private readonly byStart = new Map<string, { prefix: string; rule: number }[]>();
  /** Rules without prefixes: they always run. */
  private readonly always: number[] = [];

  constructor(prefixesByRule: readonly (readonly string[] | null)[]) {
    prefixesByRule.forEach((prefixes, rule) => {
      if (prefixes === null) {
        this.always.push(rule);
        return;
      }
      for (const prefix of prefixes) {
        const key = prefix.slice(0, 2);
        const list = this.byStart.get(key) ?? [];
        list.push({ prefix, rule });
        this.byStart.set(key, list);
      }
    });
  }

  /** The rules that may match `text`, as a set of indexes into the constructor's list. */
  candidates(text: string): Set<number> {
    const found = new Set<number>(this.always);
    for (let i = 0; i < text.length; i++) {
      this.collect(text, i, text[i]!, found);
      if (i + 1 < text.length) this.collect(text, i, text.slice(i, i + 2), found);
    }
    return found;
  }

  private collect(text: string, at: number, key: string, found: Set<number>): void {
    const entries = this.byStart.get(key);
    if (!entries) return;
    for (const { prefix, rule } of entries) if (!found.has(rule) && text.startsWith(prefix, at)) found.add(rule);
  }
}
