import { loadavg } from 'node:os';
import { leakIn } from '../agents/simulation/nodes/without-leaks';
import { DIMENSION_KEYS } from '../src/kernel/simulation/dimensions';
import type { BenchResult, BenchScenario } from './bench-result';
import { startOfflineEpisodes, type PlayedEpisode } from './support/offline-episodes';
import { round, summarise } from './support/timing';

/** Enough generated turns for a leak rate worth quoting (issue 14: at least 60). */
const MIN_TURNS = Number(process.env.OFFLINE_BENCH_TURNS ?? 60);
const MAX_TURNS_PER_EPISODE = 6;
const MAX_EPISODES = 20;
/** A shared or slow machine may not reach MIN_TURNS in reasonable time: no new episode starts after this many minutes. */
const BUDGET_MINUTES = Number(process.env.OFFLINE_BENCH_MINUTES ?? 120);
const TARGET_LEAK_RATE = 0.02;
const TARGET_EPISODE_SECONDS = 90;
/** Scenarios the episodes rotate through (the quick start's first). */
const SCENARIOS = ['money-rent-on-unequal-incomes', 'chores-mental-load'];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Wilson 95% interval of a proportion, for the leak rate (few events in a few dozen turns). */
function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The small local model playing whole episodes, on this machine's CPU: the quick start's
 * couple (personas with their measured style and real samples) in 6-turn episodes through the
 * real episode graph, provider and offline server, until at least MIN_TURNS lines were
 * generated. Reports the leak rate (turns sharing an 8-word run with their prompt or carrying
 * a persona-sheet label), how often a draft leaked and the canned line stood in, seconds per
 * turn and per episode, and the share of dimensions the judge scored.
 */
export const offlineEpisodeBench: BenchScenario = {
  id: 'offline-episode',
  async run(): Promise<BenchResult> {
    const loadBefore = loadavg()[0]!;
    const offline = await startOfflineEpisodes();
    const episodes: PlayedEpisode[] = [];
    /** 1-minute load average at each episode's start and end. */
    const loads: [number, number][] = [];
    const stopAt = Date.now() + BUDGET_MINUTES * 60_000;
    try {
      for (let i = 0; episodes.reduce((n, e) => n + e.spoken.length, 0) < MIN_TURNS && i < MAX_EPISODES && Date.now() < stopAt; i++) {
        // The machine is shared: each episode's time is read beside the load it ran under.
        const load = loadavg()[0]!;
        const episode = await offline.play(SCENARIOS[i % SCENARIOS.length]!, `bench-${i}`, MAX_TURNS_PER_EPISODE);
        episodes.push(episode);
        loads.push([load, loadavg()[0]!]);
        process.stderr.write(`  episode ${i + 1}: ${episode.spoken.length} turns, ${episode.seconds.toFixed(1)} s (scene ${(episode.sceneMs / 1000).toFixed(1)} s, judge ${(episode.judgeMs / 1000).toFixed(1)} s), ${episode.score?.dimensions.length ?? 0}/${DIMENSION_KEYS.length} scored, load ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}\n`);
        for (const t of episode.transcript) process.stderr.write(`    ${t.name}: ${t.text.replace(/\s+/g, ' ').slice(0, 160)}\n`);
      }
    } finally {
      await offline.close();
    }
    const loadAfter = loadavg()[0]!;
    const spoken = episodes.flatMap((e) => e.spoken);
    const drafts = episodes.flatMap((e) => e.drafts);
    const leaks = spoken.filter((t) => t.leak !== null).length;
    // The model's own rate, before the filter: a draft counts when it leaks or is empty.
    const draftLeaks = drafts.filter((d) => !d.degraded && (d.text.trim() === '' || leakIn(d.text, d.system) !== null)).length;
    const canned = spoken.filter((t) => t.canned).length;
    const [low, high] = wilson(leaks, spoken.length);
    const turnSeconds = summarise(episodes.flatMap((e) => e.drafts.map((d) => d.ms / 1000)));
    const perTurn = summarise(episodes.filter((e) => e.spoken.length > 0).map((e) => e.drafts.reduce((s, d) => s + d.ms, 0) / 1000 / e.spoken.length));
    const episodeSeconds = summarise(episodes.map((e) => e.seconds));
    // An opening line from the template is a turn too, but not a generated one.
    const full = episodes.filter((e) => e.spoken.length >= MAX_TURNS_PER_EPISODE - 1);
    const scored = episodes.reduce((n, e) => n + (e.score?.dimensions.length ?? 0), 0);
    const possible = episodes.length * DIMENSION_KEYS.length;
    const judgeSeconds = summarise(episodes.map((e) => e.judgeMs / 1000));
    const sceneSeconds = summarise(episodes.map((e) => e.sceneMs / 1000));
    const first = episodes[0];
    return {
      id: 'offline-episode',
      title: 'Offline model playing episodes (TinyLlama 1.1B IQ2_XXS on the CPU)',
      table: {
        columns: ['measure', 'value'],
        rows: [
          ['episodes / generated turns', `${episodes.length} / ${spoken.length}`],
          ['leak rate in the transcript (95% CI)', `${pct(leaks / Math.max(1, spoken.length))} (${pct(low)}–${pct(high)})`],
          ['drafts that leaked or were empty (retried)', `${draftLeaks} of ${drafts.length} (${pct(draftLeaks / Math.max(1, drafts.length))})`],
          ['turns where the canned line stood in', `${canned} (${pct(canned / Math.max(1, spoken.length))})`],
          ['seconds per model call for a turn, p50 / p95', `${round(turnSeconds.p50)} / ${round(turnSeconds.p95)}`],
          ['seconds per turn (retries included), p50 / max', `${round(perTurn.p50)} / ${round(perTurn.max)}`],
          ['seconds per episode, p50 / max', `${round(episodeSeconds.p50)} / ${round(episodeSeconds.max)}`],
          ['  of which scene, p50 / judge, p50', `${round(sceneSeconds.p50)} / ${round(judgeSeconds.p50)}`],
          ['dimensions scored', `${scored} of ${possible} (${pct(scored / Math.max(1, possible))})`],
          ['1-minute load average before / after', `${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}`],
        ],
      },
      targets: [
        {
          what: `leak rate over ${spoken.length} offline turns (at least ${MIN_TURNS} wanted)`,
          target: `≤ ${pct(TARGET_LEAK_RATE)}`,
          measured: pct(leaks / Math.max(1, spoken.length)),
          // Fewer turns than wanted (the time budget ran out) cannot show the target met.
          met: spoken.length >= MIN_TURNS ? leaks / spoken.length <= TARGET_LEAK_RATE : null,
        },
        {
          what: 'first 6-turn episode (scene, turns, judge), wall time',
          target: `≤ ${TARGET_EPISODE_SECONDS} s`,
          measured: first ? `${round(first.seconds)} s (${first.spoken.length} generated turns; load ${loads[0]![0].toFixed(2)} → ${loads[0]![1].toFixed(2)})` : '—',
          met: first ? first.seconds <= TARGET_EPISODE_SECONDS : null,
        },
        { what: 'every dimension scored', target: '100%', measured: pct(scored / Math.max(1, possible)), met: scored === possible },
      ],
      notes: [
        `Episodes of up to ${MAX_TURNS_PER_EPISODE} turns over ${SCENARIOS.join(', ')}, seeds bench-0…; ${full.length} ran (nearly) the full length, the rest ended early (both sides wrote [END], or stale turns).`,
        'Leak = the stored line shares an 8-word run (8 characters in Chinese) with the agent’s system prompt, or carries a persona-sheet label. Drafts that leak are asked for again with another seed, then replaced by the canned in-character line: the transcript rate is after that filter; the draft rate before it is the model’s own.',
        'The machine is shared (2 cores, other work running): times are upper bounds of what an idle machine does; the load average is printed beside them.',
        'A 1B model at 2-bit quantisation is a weak judge: its dimension scores are read off its yes/no answer probabilities (balanced question pairs, calibrated against a content-free transcript), sit close to 5 and barely follow the transcript. "Every dimension scored" says the probabilities were there to read, not that the scores mean much.',
      ],
      details: {
        episodes: episodes.map((e, i) => ({ scenarioId: e.scenarioId, seed: e.seed, seconds: round(e.seconds), sceneSeconds: round(e.sceneMs / 1000), judgeSeconds: round(e.judgeMs / 1000), load: loads[i]!.map((l) => Number(l.toFixed(2))), turns: e.spoken.length, scored: e.score?.dimensions.length ?? 0, scores: e.score?.dimensions.map((d) => [d.dimension, d.score]) })),
        leaks: spoken.filter((t) => t.leak !== null).map((t) => ({ speaker: t.speaker, leak: t.leak })),
      },
    };
  },
};

