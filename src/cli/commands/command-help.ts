import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `soullink <command> --help` for every command. Like simulate.help.ts, this loads none of
 * the app: help and --version work without a database, Redis or model.
 */
const ENV_NOTE = 'Configuration comes from environment variables (see .env.example).';

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  serve: `soullink serve

Starts the GraphQL API: HTTP and websockets on HOST:PORT at GRAPHQL_PATH, plus /healthz,
/readyz and /metrics. Without REDIS_URL, background jobs also run in this process.
On an external database (DATABASE_URL) run \`soullink migrate\` first, or set MIGRATE_ON_START=true.
SIGTERM or Ctrl-C drains open requests for up to SHUTDOWN_GRACE_MS.

Options:
  -h, --help      This help.
  -v, --version   Print the version.

${ENV_NOTE}
`,
  worker: `soullink worker

Runs background jobs (simulations, analyses, memory, studies) from the Redis queues until
SIGTERM, then finishes the jobs it holds. Serves /healthz, /readyz and /metrics on
WORKER_METRICS_HOST:WORKER_METRICS_PORT (default 127.0.0.1:4001) for probes and Prometheus.
Needs a migrated database (\`soullink migrate\`) and REDIS_URL to share jobs with the API.

Options:
  -h, --help      This help.
  -v, --version   Print the version.

${ENV_NOTE}
`,
  quickstart: `soullink quickstart [--once]

Everything in one process on embedded defaults: embedded PostgreSQL under DATA_DIR, in-process
queues and caches, demo data seeded, then the demo simulation run as a client of the API.

Options:
  --once          Exit after the demo instead of serving until Ctrl-C.
  -h, --help      This help.
  -v, --version   Print the version.

${ENV_NOTE}
`,
  migrate: `soullink migrate

Applies pending database migrations, in one transaction, and exits. Run it before starting a
new version of the API and the worker (they refuse to start on an unmigrated database).

Options:
  -h, --help      This help.
  -v, --version   Print the version.

${ENV_NOTE}
`,
  'migrate:create': `soullink migrate:create <name>

For developers: applies the committed migrations to the configured database, compares it with
the entities and writes migrations/Migration<timestamp>_<name>.ts with the difference. Add the
new class to migrations/index.ts. Use a scratch database (DATABASE_URL), not production.
(\`migration-create\` is the same command under its old name.)

Options:
  -h, --help      This help.
  -v, --version   Print the version.

${ENV_NOTE}
`,
  'rewrap-keys': `soullink rewrap-keys

Master-key rotation, step two. Re-wraps every user's data key that a retired master key wraps
under the current MASTER_KEY; no encrypted data is rewritten and the API keeps running.
  1. Deploy with the new MASTER_KEY, a new MASTER_KEY_ID, and the old key in
     MASTER_KEY_RETIRED=<old id>:<old key> (e.g. k1:...). Both keys now open data keys.
  2. Run \`soullink rewrap-keys\`. It prints how many keys it re-wrapped; run it again if it
     was interrupted. It exits 1 if some keys could not be opened by any configured key.
  3. Remove MASTER_KEY_RETIRED and destroy the old key.

Options:
  -h, --help      This help.
  -v, --version   Print the version.

${ENV_NOTE}
`,
  seed: `soullink seed

Inserts the demo accounts, personas and scenarios. Idempotent: what exists is left alone.

Options:
  -h, --help      This help.
  -v, --version   Print the version.

${ENV_NOTE}
`,
  'emit-schema': `soullink emit-schema

Writes graphql/schema.graphql from the resolvers (no database needed).

Options:
  -h, --help      This help.
  -v, --version   Print the version.
`,
  'stub-llm': `soullink stub-llm [--port N] [--host H]

Runs the OpenAI-compatible stub model server (deterministic canned replies) for tests and demos.

Options:
  --port N        Port to listen on (default 8089).
  --host H        Interface to bind (default 127.0.0.1).
  -h, --help      This help.
  -v, --version   Print the version.
`,
};


/** The help of `command`, or undefined for a command without its own (the caller prints usage). */
export async function commandHelp(command: string | undefined): Promise<string | undefined> {
  if (command === 'simulate') return (await import('./simulate.help.js')).simulateHelp();
  if (command === 'migration-create') return COMMAND_HELP['migrate:create'];
  return command ? COMMAND_HELP[command] : undefined;
}

/** SoulLink's version, from the package.json above this file (source or dist). */
export function soullinkVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'soullink' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
