/**
 * Writes a synthetic speed-dating study as two CSV files, people.csv and pairs.csv.
 *
 *   npx tsc -p examples/study/tsconfig.json
 *   node dist/examples/study/generate.js [--seed 1] [--people 300] [--signal strong|weak|none|<number>]
 *        [--disparity C[:signalScale[:logitShift]]] [--out examples/study/data]
 *
 * Same arguments, same files: the generator is seeded and does no I/O of its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  featureCeilingAuc,
  generateSpeedDating,
  oracleAuc,
  SIGNAL,
  speedDatingCsv,
  type SyntheticStudyOptions,
} from '../../src/kernel/study';

function parseArgs(argv: string[]): { options: SyntheticStudyOptions; out: string } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined) throw new Error(`expected --name value pairs, got "${argv.slice(i).join(' ')}"`);
    args.set(key.slice(2), value);
  }
  const known = new Set(['seed', 'people', 'signal', 'disparity', 'out']);
  for (const key of args.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}`);
  const number = (name: string, fallback: number) => {
    const raw = args.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got ${raw}`);
    return value;
  };
  const signalArg = args.get('signal') ?? 'strong';
  const signal = signalArg in SIGNAL ? SIGNAL[signalArg as keyof typeof SIGNAL] : Number(signalArg);
  if (!Number.isFinite(signal)) throw new Error(`--signal must be strong, weak, none or a number, got ${signalArg}`);
  let disparity: SyntheticStudyOptions['disparity'];
  const disparityArg = args.get('disparity');
  if (disparityArg) {
    const [category, scale, shift] = disparityArg.split(':');
    disparity = { category, signalScale: scale === undefined ? 0 : Number(scale), logitShift: shift === undefined ? -1 : Number(shift) };
  }
  return {
    options: { seed: number('seed', 1), people: number('people', 300), signal, disparity },
    out: args.get('out') ?? join('examples', 'study', 'data'),
  };
}

const { options, out } = parseArgs(process.argv.slice(2));
const study = generateSpeedDating(options);
// The same writer the tests and the benchmark use, so the shipped files are what they parse.
const { people, pairs } = speedDatingCsv(study);

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'people.csv'), people);
writeFileSync(join(out, 'pairs.csv'), pairs);
const yes = study.pairs.filter((p) => p.decision === 1).length;
console.log(
  `wrote ${study.people.length} people in ${new Set(study.people.map((p) => p.wave)).size} waves and ${study.pairs.length} pairs to ${out}\n` +
    `base rate ${(yes / study.pairs.length).toFixed(3)}; on this sample the planted feature AUC is ${featureCeilingAuc(study).toFixed(3)}` +
    ` and the oracle (person effects known) ${oracleAuc(study).toFixed(3)}`,
);
