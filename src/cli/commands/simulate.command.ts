import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { join, resolve } from 'node:path';
import { DatabaseSeeder } from '../../../seeds/database.seeder';
import { DEMO_ACCOUNTS } from '../../../seeds/demo-accounts';
import { DEMO_PARTNER, DEMO_SELF } from '../../../seeds/demo/demo-personas';
import { createApp } from '../../composition-root';
import { loadConfig } from '../../config/load-config';
import { User } from '../../domain/accounts/user.entity';
import { createPersona } from '../../domain/personas/create-persona';
import { Persona, type PersonaKind } from '../../domain/personas/persona.entity';
import type { CompatibilityReport } from '../../domain/simulations/report/compatibility-report';
import { renderReport } from '../../domain/simulations/report/render-report';
import { runSimulation } from '../../domain/simulations/run-simulation';
import { simulationTopic, type SimulationEventMessage } from '../../domain/simulations/simulation-events';
import { Simulation } from '../../domain/simulations/simulation.entity';
import { startSimulation } from '../../domain/simulations/start-simulation';
import { scenarioCatalog } from '../../domain/simulations/scenario-catalog';
import { ValidationError } from '../../domain/errors';

export interface SimulateOptions {
  user?: string;
  self?: string;
  partner?: string;
  scenarios?: string;
  scenarioCount?: string;
  episodes?: string;
  turns?: string;
  seed?: string;
  budget?: string;
  out?: string;
}

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
const int = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new ValidationError(name, `--${name} must be a whole number`);
  return n;
};

/** A persona id of the user's, or a JSON file describing one (created on first use, by name). */
async function resolvePersona(em: EntityManager, owner: User, ref: string | undefined, fallback: typeof DEMO_SELF | typeof DEMO_PARTNER): Promise<string> {
  if (ref && isUuid(ref)) return ref;
  const definition = ref ? (JSON.parse(readFileSync(resolve(ref), 'utf8')) as typeof fallback) : fallback;
  const existing = await em.findOne(Persona, { owner: owner.id, kind: definition.kind as PersonaKind, name: definition.name });
  return existing?.id ?? (await createPersona(em, owner, definition)).id;
}

/** A one-line progress bar on stderr (a TTY redraws it; a log gets one line per episode). */
function progress(total: number) {
  let done = 0;
  const tty = process.stderr.isTTY;
  return (event: SimulationEventMessage) => {
    if (event.type === 'TURN') done += 1;
    if (event.type === 'EPISODE_STARTED' && !tty) process.stderr.write(`episode: ${String(event.payload.title)}\n`);
    if (!tty) return;
    const width = 30;
    const filled = Math.min(width, Math.round((done / Math.max(total, 1)) * width));
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} turns ${event.type.padEnd(16)}`);
  };
}

/**
 * `soullink simulate`: runs one compatibility simulation in this process (no API needed)
 * and writes the report as Markdown, HTML and JSON. Personas are ids of the user's, or JSON
 * files; by default the demo couple of the demo account.
 */
export async function simulateCommand(options: SimulateOptions): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const { orm, events } = app.services;
  try {
    const em = orm.em.fork();
    await new DatabaseSeeder().run(em);
    const owner = await em.findOneOrFail(User, { email: (options.user ?? DEMO_ACCOUNTS[0].email).toLowerCase() });
    const selfPersonaId = await resolvePersona(em, owner, options.self, DEMO_SELF);
    const partnerPersonaId = await resolvePersona(em, owner, options.partner, DEMO_PARTNER);
    const library = await scenarioCatalog(em, owner.id, app.services.scenarioLibrary);
    const simulation = await startSimulation({ em, library, enqueue: async () => undefined }, owner, {
      selfPersonaId,
      partnerPersonaId,
      scenarioIds: options.scenarios?.split(',').map((s) => s.trim()).filter(Boolean),
      scenarioCount: int(options.scenarioCount, 'scenario-count') ?? 1,
      episodesPerScenario: int(options.episodes, 'episodes') ?? 1,
      maxTurns: int(options.turns, 'turns') ?? 8,
      seed: options.seed,
      tokenBudget: int(options.budget, 'budget'),
    });
    const stream = await events.subscribe<SimulationEventMessage>(simulationTopic(simulation.id));
    const show = progress(simulation.scenarioCount * simulation.episodesPerScenario * simulation.maxTurns);
    const watching = (async () => {
      for await (const event of stream) show(event);
    })();
    await runSimulation(
      { orm, llm: app.services.llm, llmSettings: app.services.llmSettings, transcripts: app.services.transcripts, events, simulationRuns: app.services.simulationRuns, clock: app.services.clock, checkpointer: app.services.checkpointer, library: app.services.scenarioLibrary, runLock: app.services.runLock, episodeConcurrency: config.jobs.episodeConcurrency, dataKeys: app.services.dataKeys, logger: app.services.logger },
      simulation.id,
    );
    await stream.return?.();
    await watching;
    const finished = await orm.em.fork().findOneOrFail(Simulation, { id: simulation.id });
    process.stderr.write('\n');
    if (!finished.report) throw new Error(`Simulation ${finished.status}: ${finished.failureReason ?? 'no report'}`);
    const dir = resolve(options.out ?? join(config.dataDir, 'reports'));
    mkdirSync(dir, { recursive: true });
    for (const [format, ext] of [['MARKDOWN', 'md'], ['HTML', 'html'], ['JSON', 'json']] as const) {
      writeFileSync(join(dir, `${finished.id}.${ext}`), renderReport(finished.report as unknown as CompatibilityReport, format).body);
    }
    const overall = (finished.report as unknown as CompatibilityReport).overall;
    process.stdout.write(`Simulation ${finished.id} ${finished.status}: overall ${overall.mean} (95% CI ${overall.ciLow}–${overall.ciHigh}, n=${overall.n})\n`);
    process.stdout.write(`Report: ${join(dir, `${finished.id}.md`)} (also .html, .json)\n`);
  } finally {
    await app.close();
  }
}
