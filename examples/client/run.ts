import { CreatePersonaDocument } from '../../graphql/generated/graphql';
import { Chat, type Reply } from './chat';
import { LiveSocket } from './live-socket';
import { Session } from './session';
import { describeSimulationEvent, runSimulation, type FinishedSimulation } from './simulation';
import { SoulLinkClient, SoulLinkError } from './soullink-client';

export interface WalkthroughOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql; websockets use the same URL. */
  url: string;
  /** An existing account; without one a fresh demo account is registered. */
  email?: string;
  password?: string;
  /** Where the walkthrough prints (stdout by default). */
  write?: (text: string) => void;
}

export interface WalkthroughResult {
  reply: Reply;
  finished: FinishedSimulation;
}

/** Sign in → personas → a chat reply streamed → a simulation followed → its report summarised. */
export async function walkthrough(options: WalkthroughOptions): Promise<WalkthroughResult> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const anonymous = new SoulLinkClient(options.url);
  const session =
    options.email && options.password
      ? await Session.signIn(anonymous, options.email, options.password)
      : await Session.register(anonymous, { email: `demo-${Date.now()}@example.com`, password: 'a long demo passphrase', displayName: 'Alex' });
  const live = new LiveSocket(options.url.replace(/^http/, 'ws'), session);
  try {
    write(`signed in as ${session.user.email} (${session.user.tier})\n`);
    const self = (await session.client.request(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex', interests: ['bouldering'], values: ['honesty'] } })).createPersona.persona;
    const partner = (
      await session.client.request(CreatePersonaDocument, {
        input: { kind: 'PARTNER', name: 'Mei', interests: ['hiking', 'hot pot'], description: 'Warm, direct, teases a little' },
      })
    ).createPersona.persona;

    const chat = await Chat.start(session, live, partner.id, { write });
    write('you: Hi Mei! How was the hike?\nMei: ');
    const reply = await chat.say('Hi Mei! How was the hike?');
    write('\n');
    chat.close();

    write('\nsimulation:\n');
    const finished = await runSimulation(
      session,
      live,
      { selfPersonaId: self.id, partnerPersonaId: partner.id, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4, seed: 'example-client' },
      (event) => write(`${describeSimulationEvent(event)}\n`),
    );
    write(`\nstatus: ${finished.simulation.status}, ${finished.simulation.tokensUsed} tokens\n`);
    const report = finished.report;
    if (report) {
      const { mean, ciLow, ciHigh } = report.overall;
      write(`${report.selfName} & ${report.partnerName}: overall ${mean.toFixed(1)}/10 (95% CI ${ciLow.toFixed(1)}–${ciHigh.toFixed(1)}, ${report.episodes} episodes${report.partial ? ', partial' : ''})\n`);
      for (const d of report.dimensions) write(`  ${d.label}: ${d.estimate.mean.toFixed(1)}\n`);
      if (report.strengths.length) write(`strengths: ${report.strengths.join('; ')}\n`);
      if (report.risks.length) write(`risks: ${report.risks.join('; ')}\n`);
    }
    return { reply, finished };
  } finally {
    await live.close();
    session.close();
  }
}

if (require.main === module) {
  const url = process.argv[2] ?? process.env.SOULLINK_URL ?? 'http://127.0.0.1:4000/graphql';
  walkthrough({ url, email: process.env.SOULLINK_EMAIL, password: process.env.SOULLINK_PASSWORD }).catch((err: unknown) => {
    // Branch on the stable code, never on the message.
    process.stderr.write(err instanceof SoulLinkError ? `${err.code}: ${err.message}\n` : `${String(err)}\n`);
    process.exitCode = 1;
  });
}
