import { BENIGN_IDIOMS, maskBenignIdioms } from './benign-idioms';
import { ReferenceLocalModerator, referenceNormalize } from './fixtures/reference-moderator';
import { LocalModerator } from './local-moderator';
import { TUNING_CORPUS } from './moderation-corpus';
import { OutputGate } from './output-gate';
import { normalizeForModeration } from './text-normalizer';
import type { ModerationDirection, ModerationVerdict, Moderator } from '../../ports/moderation.port';

/*
 * The local moderator was made cheaper per check (issue #15: it runs on every word a reply
 * streams) without changing what it says. These tests hold it to that: on every corpus line, on
 * random texts built from the evasions the normaliser handles, and on replies streamed through
 * the word-by-word gate in random pieces, its verdicts and explanations equal those of the path
 * it replaced, kept verbatim in fixtures/reference-moderator.ts.
 */

const moderator = new LocalModerator();
const reference = new ReferenceLocalModerator();

/** A deterministic random source (the same texts every run). */
function randomSource(seed: number) {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  return { next, pick: <T>(items: readonly T[]): T => items[next(items.length)]! };
}

/** Cuts a text into pieces of 1..max characters (code points), as a model's chunks would. */
function randomPieces(text: string, seed: number, max = 9): string[] {
  const { next } = randomSource(seed);
  const chars = [...text];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const size = 1 + next(max);
    pieces.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return pieces;
}

/** Corpus words, and the spellings and scripts the normaliser folds or must leave alone. */
const CORPUS_WORDS = [...new Set(TUNING_CORPUS.flatMap((line) => line.text.split(/\s+/)))].filter(Boolean);
const TRICKY = [
  'k i l l', 's.u.i.c.i.d.e', 'k1ll', 'mys3lf', 'k!ll', 'my$elf', 'suiiiicide', 'killlll', 'want 2 die', 'going 2 kill',
  'ki\u200Bll', 'ｋｉｌｌ', 'kіll', 'уоu', 'привет', 'καλημέρα', 'kïll', 'sui cide', 'un alive', 'ki ll my self', 'm y s e l f',
  '自 杀', '殺', '自，杀', '想死你了', '哈哈', '😂', 'lol', 'jk', "i'm", 'don’t', '!!!', '...', '?', 'yours!', '10', '2', '3',
  '@', '|', '$', '€', 'l0ser', 'h4te', '1diot', 'dont', 'not', 'never', 'i', 'to', 'die', 'you', 'myself', 'the chink in the armour',
  'dying to', 'killing me', 'kill time', 'dead to me', 'photo bomb', 'cum laude', '笑死我了', '大麻烦', 'ＫＩＬＬ', '\u00a0', '\t', '\n',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '', ', ', '. ', '\n', '! '];

function randomText(seed: number, words = 4 + (seed % 40)): string {
  const { next, pick } = randomSource(seed);
  let text = '';
  for (let i = 0; i < words; i++) text += (next(3) === 0 ? pick(TRICKY) : pick(CORPUS_WORDS)) + pick(SEPARATORS);
  return text;
}

function verdictsOf(text: string) {
  return {
    text,
    input: moderator.classify(text, 'input'),
    output: moderator.classify(text, 'output'),
    explanation: moderator.explain(text),
  };
}

function referenceVerdictsOf(text: string) {
  return {
    text,
    input: reference.classify(text, 'input'),
    output: reference.classify(text, 'output'),
    explanation: reference.explain(text),
  };
}

/** A moderator that notes each text it was asked about with the verdict it gave. */
function recording(inner: Moderator) {
  const checks: { text: string; verdict: ModerationVerdict }[] = [];
  const spy: Moderator = {
    moderate: async (text: string, direction: ModerationDirection) => {
      const verdict = await inner.moderate(text, direction);
      checks.push({ text, verdict });
      return verdict;
    },
  };
  return { checks, spy };
}

/** Streams `pieces` through a word-by-word gate: what was released piece by piece, each check, and the verdict that stopped it. */
async function streamed(inner: Moderator, pieces: readonly string[]) {
  const { checks, spy } = recording(inner);
  const gate = OutputGate.wordByWord(spy);
  const released: string[] = [];
  for (const piece of pieces) {
    if (gate.flagged) break;
    released.push(await gate.pass(piece));
  }
  if (!gate.flagged) released.push(await gate.end());
  return { released, checks, flagged: gate.flagged };
}

describe('LocalModerator equals the reference (pre-#15) classification', () => {
  it('When every corpus line is classified (both directions) and explained, Then verdicts, scores and explanations are unchanged', () => {
    for (const line of TUNING_CORPUS) expect(verdictsOf(line.text)).toEqual(referenceVerdictsOf(line.text));
  });

  it('When every corpus line is normalised, Then its plain text and word views are unchanged, and so is each view with idioms masked', () => {
    for (const line of TUNING_CORPUS) {
      const normalized = normalizeForModeration(line.text);
      expect({ text: line.text, normalized }).toEqual({ text: line.text, normalized: referenceNormalize(line.text) });
      for (const view of normalized.views) expect({ view, masked: maskBenignIdioms(view) }).toEqual({ view, masked: maskEveryIdiom(view) });
    }
  });

  it('When 2,000 random texts of corpus words, evasions, Chinese, emoji and punctuation are classified, Then nothing changes', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const text = randomText(seed);
      expect(normalizeForModeration(text)).toEqual(referenceNormalize(text));
      expect(verdictsOf(text)).toEqual(referenceVerdictsOf(text));
    }
  });

  it('When corpus lines and random text stream through the word-by-word gate in random pieces, Then every check, verdict and release is the same', async () => {
    const { pick } = randomSource(42);
    const allowed = TUNING_CORPUS.filter((line) => line.expected === 'allow');
    const replies = [
      ...TUNING_CORPUS.map((line) => `Okay. ${line.text} `),
      // Long replies, so checks carry a full 160-character context that slides word by word:
      // allowed lines (streams that go on to the end), then lines of any kind with random text.
      ...Array.from({ length: 40 }, () => Array.from({ length: 15 }, () => pick(allowed).text).join(' ')),
      ...Array.from({ length: 120 }, (_, n) => `${pick(TUNING_CORPUS).text} ${randomText(n + 5000, 20)} ${pick(TUNING_CORPUS).text} ${pick(TUNING_CORPUS).text}`),
      'I had the loveliest afternoon at the climbing gym, then we went for hot pot and laughed about it for hours. Tell me about yours! '.repeat(4),
    ];
    let checks = 0;
    let withFullContext = 0;
    for (const [n, reply] of replies.entries()) {
      for (const seed of [n + 1, n + 7777]) {
        const pieces = randomPieces(reply, seed);
        const now = await streamed(moderator, pieces);
        const before = await streamed(reference, pieces);
        expect({ reply, pieces, ...now }).toEqual({ reply, pieces, ...before });
        checks += now.checks.length;
        withFullContext += now.checks.filter((check) => check.text.length >= 150).length;
      }
    }
    expect(checks).toBeGreaterThan(8_000);
    expect(withFullContext).toBeGreaterThan(3_000);
  });
});

/** What masking did before it skipped idioms whose prefixes are absent: every idiom's replace, in order. */
function maskEveryIdiom(view: string): string {
  return BENIGN_IDIOMS.reduce((out, { pattern }) => out.replace(pattern, ' '), view);
}
