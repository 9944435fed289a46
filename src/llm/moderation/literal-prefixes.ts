/**
 * The literal text every match of a pattern must begin with, as a set of alternatives: one of
 * them occurs in any text the pattern matches. The local moderator runs 160 patterns on every
 * word a reply streams (see OutputGate), and nearly all of them fail on ordinary chat text;
 * a pattern none of whose prefixes occurs in the text cannot match it, so it is not run.
 *
 * Read from the pattern's source, for the subset the rule lists use: literal characters,
 * escapes, `(?:…|…)` groups, `?`/`*`/`+`/`{n,m}` quantifiers and zero-width assertions
 * (`\b`, `^`, `$`, lookarounds), which are skipped (skipping an assertion keeps the prefix a
 * necessary condition). A prefix ends at anything else (a class, `.`, `\w`, a backreference).
 * `null` when some match could begin with no literal at all: the pattern always runs.
 */
export function literalPrefixes(source: string, options: { maxPrefixes?: number } = {}): string[] | null {
  const max = options.maxPrefixes ?? 64;
  let alternatives: Prefix[];
  try {
    const parser = new SourceParser(source, max);
    alternatives = parser.alternation();
    if (!parser.done()) return null;
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  const texts = [...new Set(alternatives.map((p) => p.text))];
  return texts.some((text) => text === '') ? null : minimal(texts);
}

/** A match's beginning so far; `open` while more literal text can still be appended. */
interface Prefix {
  text: string;
  open: boolean;
}

class Unsupported extends Error {}

/** Drops prefixes that contain another (one occurring implies it does): fewer checks, same answer. */
function minimal(texts: string[]): string[] {
  const sorted = [...texts].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const text of sorted) if (!kept.some((k) => text.includes(k))) kept.push(text);
  return kept;
}

/** Appends each of `next` to each open prefix of `current`; past `max` prefixes, everything closes. */
function concat(current: Prefix[], next: Prefix[], max: number): Prefix[] {
  const out: Prefix[] = [];
  for (const p of current) {
    if (!p.open) {
      out.push(p);
      continue;
    }
    for (const n of next) out.push({ text: p.text + n.text, open: n.open });
  }
  return out.length > max ? current.map((p) => ({ text: p.text, open: false })) : out;
}

const close = (prefixes: Prefix[]): Prefix[] => prefixes.map((p) => ({ text: p.text, open: false }));

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', s: ' ' };

class SourceParser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly max: number,
  ) {}

  done(): boolean {
    return this.i >= this.src.length;
  }

  /** `a|b|c` up to the end or a closing `)`: the union of each branch's prefixes. */
  alternation(): Prefix[] {
    const all: Prefix[] = [...this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      all.push(...this.sequence());
    }
    return all;
  }

  private sequence(): Prefix[] {
    let current: Prefix[] = [{ text: '', open: true }];
    while (!this.done() && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const quantifier = this.quantifier();
      if (atom === 'zero-width') continue;
      if (quantifier === 'optional') {
        // Maybe absent: a match may go on with whatever follows instead, which we do not track.
        current = close(current);
        continue;
      }
      current = concat(current, atom, this.max);
      // Repeated (`+`, `{2,}`): its first occurrence is certain, what follows it is not.
      if (quantifier === 'repeated') current = close(current);
    }
    return current;
  }

  /** One atom's own prefixes, or 'zero-width' for an assertion. */
  private atom(): Prefix[] | 'zero-width' {
    const c = this.src[this.i]!;
    if (c === '^' || c === '$') {
      this.i++;
      return 'zero-width';
    }
    if (c === '(') return this.group();
    if (c === '[' || c === '.') {
      this.skipClassOrDot();
      return [{ text: '', open: false }];
    }
    if (c === '\\') return this.escape();
    if ('*+?{'.includes(c)) throw new Unsupported();
    this.i++;
    return [{ text: c, open: true }];
  }

  private group(): Prefix[] | 'zero-width' {
    const rest = this.src.slice(this.i);
    const lookaround = /^\(\?<?[=!]/.exec(rest);
    if (lookaround) {
      this.i += lookaround[0].length;
      this.alternation();
      this.expect(')');
      return 'zero-width';
    }
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?<')) throw new Unsupported(); // named group: none in the rule lists
    else this.i += 1;
    const inner = this.alternation();
    this.expect(')');
    return inner;
  }

  private escape(): Prefix[] | 'zero-width' {
    const next = this.src[this.i + 1];
    if (next === undefined) throw new Unsupported();
    this.i += 2;
    if (next === 'b' || next === 'B') return 'zero-width';
    if (next in LITERAL_ESCAPES) return [{ text: LITERAL_ESCAPES[next]!, open: true }];
    if (/[dDwWsSpPuxck0-9]/.test(next)) {
      // A class (\w, \d, \p{…}), a code point or a backreference: not one known character.
      if ((next === 'p' || next === 'P' || next === 'u') && this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
      return [{ text: '', open: false }];
    }
    return [{ text: next, open: true }];
  }

  private skipClassOrDot(): void {
    if (this.src[this.i] === '.') {
      this.i++;
      return;
    }
    this.i++;
    while (!this.done() && this.src[this.i] !== ']') this.i += this.src[this.i] === '\\' ? 2 : 1;
    this.expect(']');
  }

  private quantifier(): 'once' | 'optional' | 'repeated' {
    const c = this.src[this.i];
    let kind: 'once' | 'optional' | 'repeated' = 'once';
    if (c === '?' || c === '*') {
      this.i++;
      kind = 'optional';
    } else if (c === '+') {
      this.i++;
      kind = 'repeated';
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      const min = Number(m[1]);
      kind = min === 0 ? 'optional' : m[2] === undefined && min === 1 ? 'once' : 'repeated';
    }
    // A lazy quantifier's `?` changes nothing here.
    if (kind !== 'once' && this.src[this.i] === '?') this.i++;
    return kind;
  }

  private expect(char: string): void {
    if (this.src[this.i] !== char) throw new Unsupported();
    this.i++;
  }
}
