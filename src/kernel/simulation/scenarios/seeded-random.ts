/**
 * The scenario library's only source of randomness. A simulation must replay exactly from its
 * seed (same scenarios, same settings, same events on the same turns), on any machine and any
 * Node version, so nothing here touches Math.random: cyrb128 spreads a string seed over 128
 * bits of state and sfc32 (small, fast, passes PractRand and BigCrush) draws from it. Both use
 * only 32-bit integer arithmetic (Math.imul, shifts), which JavaScript defines exactly.
 */
export class SeededRandom {
  private readonly draw: () => number;

  /** `seed` is hashed as given (UTF-16 code units): "é" composed and decomposed are two seeds. */
  constructor(readonly seed: string) {
    const [a, b, c, d] = cyrb128(seed);
    this.draw = sfc32(a, b, c, d);
    // sfc32's first outputs still echo the hashed state; discarding a few decorrelates seeds
    // that differ in one character (episode 1 vs episode 2).
    for (let i = 0; i < 15; i++) this.draw();
  }

  /** Uniform in [0, 1), with 32 bits of resolution. */
  next(): number {
    return this.draw();
  }

  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}): needs integers with min <= max`);
    }
    const span = max - min + 1;
    // Beyond 2^32 values the 32-bit draw would leave most of them unreachable.
    if (span > 2 ** 32) throw new RangeError(`int(${min}, ${max}): range wider than 2^32`);
    return min + Math.floor(this.draw() * span);
  }

  /** True with probability `p` (clamped to [0, 1]). */
  chance(p: number): boolean {
    return this.draw() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: cannot pick from an empty array');
    return items[this.int(0, items.length - 1)]!;
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it is. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /**
   * An independent stream for one purpose, derived from this seed and `label` only, never from
   * the draws made so far: a draw added in one place cannot shift the draws of another. The
   * child's seed is readable (`parent/label`), so a log line is enough to replay it.
   */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
