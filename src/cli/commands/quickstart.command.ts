import { buildAppSchema } from '../../../graphql/build-schema';
import { DatabaseSeeder } from '../../../seeds/database.seeder';
import { DEMO_ACCOUNTS } from '../../../seeds/demo-accounts';
import { createApp } from '../../composition-root';
import { loadConfig } from '../../config/load-config';
import { startApiServer } from '../../server/api-server';
import { startWorker } from '../../jobs/worker';
import { DemoSession, type DemoTokens } from './demo-session';
import { runDemoSimulation } from './demo-simulation';
import { untilSignal } from './run-until-signal';

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

/**
 * `soullink quickstart`: everything on embedded defaults in one process (embedded
 * PostgreSQL, in-process Redis parts), demo data seeded, then the demo run as a client of
 * the real API. Keeps serving until Ctrl-C, or exits after the demo with `--once`.
 */
export async function quickstartCommand(once: boolean): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const worker = await startWorker(app.services);
  const server = await startApiServer(app.services, await buildAppSchema());
  try {
    await new DatabaseSeeder().run(app.services.orm.em.fork());
    const demo = DEMO_ACCOUNTS[0];
    const login = await gql(
      server.url,
      'mutation($input: LoginInput!) { login(input: $input) { accessToken accessTokenExpiresAt refreshToken user { displayName tier limits { partnerPersonas monthlyTokens } } } }',
      { input: { email: demo.email, password: demo.password } },
    );
    const user = login.login.user;
    const session = new DemoSession(login.login as DemoTokens, async (refreshToken) =>
      (await gql(server.url, 'mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken accessTokenExpiresAt refreshToken } }', { input: { refreshToken } })).refreshSession as DemoTokens,
    );
    const out = process.stdout;
    out.write(`\nSoulLink is running at ${server.url} (GraphQL over HTTP and websockets)\n`);
    if (server.explorerUrl) out.write(`  explorer: open ${server.explorerUrl} in a browser (GraphiQL, served by SoulLink, works offline)\n`);
    out.write(`  health:  ${server.url.replace(/\/graphql$/, '')}/readyz   metrics: /metrics\n`);
    out.write(`  demo login: ${demo.email} / ${demo.password}\n`);
    out.write(`  signed in as ${user.displayName} (${user.tier}: ${user.limits.partnerPersonas} partner personas, ${user.limits.monthlyTokens} tokens/month)\n\n`);
    const report = await runDemoSimulation({
      url: server.url,
      accessToken: () => session.accessToken(),
      dataDir: config.dataDir,
      log: (line) => out.write(`${line}\n`),
    });
    out.write(`\nCompatibility report written to:\n  ${report.markdown}\n  ${report.html}\n\n`);
    out.write(`Try:\n  curl -s ${server.url} -H 'content-type: application/json' \\\n`);
    out.write(`    -d '{"query":"mutation { login(input: {email: \\"${demo.email}\\", password: \\"${demo.password}\\"}) { accessToken } }"}'\n\n`);
    if (!once) {
      out.write('Press Ctrl-C to stop.\n');
      await untilSignal();
    }
  } finally {
    await server.close(once ? 0 : undefined);
    await worker.close();
    await app.close();
  }
}
