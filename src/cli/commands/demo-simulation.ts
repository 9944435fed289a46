import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_CHAT_SPEAKER, DEMO_PARTNER, DEMO_SELF } from '../../../seeds/demo/demo-personas';
import type { Estimate } from '../../domain/simulations/report/estimate';
import { formatEstimate, formatMeasureEstimate, NOT_SCORED } from '../../domain/simulations/report/report-text';

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;

/** A tiny GraphQL-over-HTTP client for the demo (the quick start acts as a real client). */
export function httpClient(url: string, accessToken: () => Promise<string>): Gql {
  return async (query, variables = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await accessToken()}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    return body.data!;
  };
}

async function ensurePersona(gql: Gql, persona: typeof DEMO_SELF | typeof DEMO_PARTNER): Promise<string> {
  // The demo account holds a handful of personas: the first page of 100 has them all.
  const { personas } = await gql('query($kind: PersonaKind) { personas(kind: $kind, first: 100) { nodes { id name } } }', { kind: persona.kind });
  const found = (personas.nodes as { id: string; name: string }[]).find((p) => p.name === persona.name);
  if (found) return found.id;
  return (await gql('mutation($input: CreatePersonaInput!) { createPersona(input: $input) { persona { id } } }', { input: persona })).createPersona.persona.id;
}

/**
 * The demo: the demo couple's personas (created once), Mei's chat log imported with
 * consent, then one seeded simulation through the API, watched on simulationEvents, with
 * the report written to DATA_DIR/reports.
 */
export async function runDemoSimulation(options: {
  url: string;
  /** A current access token (refreshed as it nears its expiry: see DemoSession). */
  accessToken: () => Promise<string>;
  dataDir: string;
  log: (line: string) => void;
}): Promise<{ markdown: string; html: string; headline: string[] }> {
  const gql = httpClient(options.url, options.accessToken);
  const selfId = await ensurePersona(gql, DEMO_SELF);
  const partnerId = await ensurePersona(gql, DEMO_PARTNER);
  const chat = readFileSync(join(__dirname, '../../../../seeds/demo/mei-and-alex.chat.txt'), 'utf8');
  await gql('mutation($input: ImportChatLogInput!) { importChatLog(input: $input) { chatLogImport { inserted } } }', {
    input: { personaId: partnerId, format: 'PLAIN', content: chat, personaSpeaker: DEMO_CHAT_SPEAKER },
  });
  await gql('mutation($input: SetPersonaConsentInput!) { setPersonaConsent(input: $input) { persona { id } } }', { input: { id: partnerId, given: true } });

  const { startSimulation } = await gql('mutation($input: StartSimulationInput!) { startSimulation(input: $input) { simulation { id seed } } }', {
    input: { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4, seed: 'demo' },
  });
  const simulationId: string = startSimulation.simulation.id;
  options.log(`Simulation ${simulationId} started (seed ${startSimulation.simulation.seed}); following its events:`);

  const ws = createClient({ url: options.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: async () => ({ authorization: `Bearer ${await options.accessToken()}` }), retryAttempts: 0 });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.subscribe(
        {
          query:
            'subscription($id: ID!) { simulationEvents(simulationId: $id) { seq type episodeStarted { title setting } turn { name text } eventInjected { text } ended { message } } }',
          variables: { id: simulationId },
        },
        {
          next: (result) => {
            type Event = { type: string; episodeStarted: { title: string; setting: string } | null; turn: { name: string; text: string } | null; eventInjected: { text: string } | null; ended: { message: string | null } | null };
            const event = (result.data as { simulationEvents: Event } | undefined)?.simulationEvents;
            if (!event) return;
            if (event.episodeStarted) options.log(`  episode: ${event.episodeStarted.title} — ${event.episodeStarted.setting}`);
            if (event.turn) options.log(`    ${event.turn.name}: ${event.turn.text.replace(/\s+/g, ' ').slice(0, 140)}`);
            if (event.eventInjected) options.log(`    [${event.eventInjected.text}]`);
            if (event.type === 'EPISODE_SCORED') options.log('  episode scored');
            if (event.type === 'FAILED') reject(new Error(event.ended?.message ?? 'The simulation failed'));
          },
          error: reject,
          complete: resolve,
        },
      );
    });
  } finally {
    await ws.dispose();
  }

  const dir = join(options.dataDir, 'reports');
  mkdirSync(dir, { recursive: true });
  const files = { markdown: join(dir, `${simulationId}.md`), html: join(dir, `${simulationId}.html`) };
  for (const [format, file] of [['MARKDOWN', files.markdown], ['HTML', files.html]] as const) {
    const { reportDocument } = await gql('query($id: ID!, $format: ReportFormat!) { reportDocument(simulationId: $id, format: $format) { body } }', { id: simulationId, format });
    writeFileSync(file, reportDocument.body);
  }
  options.log(`Report: ${files.markdown} (and .html)`);
  const headline = await headlineMeasures(gql, simulationId);
  for (const line of headline) options.log(line);
  return { ...files, headline };
}

/** The pair measures a reader looks at first, in this order, by their GraphQL enum names. */
const HEADLINE = [
  ['RAPPORT', 'Rapport index (0–100)'],
  ['LSM', 'Language style matching'],
  ['RESPONSIVENESS', 'Bids turned toward'],
  ['POSITIVE_TO_NEGATIVE_RATIO', 'Positive : negative'],
] as const;

/**
 * The headline conversation measures and the judge's overall, read back through the typed
 * report as any client would, plus each place the judge and the measures disagree.
 */
async function headlineMeasures(gql: Gql, simulationId: string): Promise<string[]> {
  const { compatibilityReport: report } = await gql(
    `query($id: ID!) { compatibilityReport(simulationId: $id) {
      overall { mean ciLow ciHigh n }
      measures { episodesMeasured items { key scope estimate { mean ciLow ciHigh n } } }
      judgeAgreement { statement }
    } }`,
    { id: simulationId },
  );
  if (!report) return ['No report was written.'];
  const overall = report.overall as Estimate;
  const lines = [`Judge's overall compatibility: ${overall.n === 0 ? NOT_SCORED : `${formatEstimate(overall)} out of 10`}`];
  const items = report.measures.items as { key: string; scope: string; estimate: Estimate }[];
  if (report.measures.episodesMeasured === 0) return [...lines, 'No conversation measures (the episodes were scored before they existed).'];
  lines.push(`Conversation measures (no model, ${report.measures.episodesMeasured} episode${report.measures.episodesMeasured === 1 ? '' : 's'}):`);
  for (const [key, label] of HEADLINE) {
    const item = items.find((m) => m.key === key && m.scope === 'PAIR');
    if (item) lines.push(`  ${label}: ${formatMeasureEstimate(item.estimate)}`);
  }
  for (const { statement } of report.judgeAgreement as { statement: string | null }[]) if (statement) lines.push(`  ! ${statement}`);
  return lines;
}
