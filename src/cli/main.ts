#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error';
import { DatabaseNotMigratedError } from '../stores/postgres/assert-migrated';
import { EmbeddedPostgresUnavailableError } from '../stores/postgres/embedded-postgres-unavailable.error';
import { commandHelp, soullinkVersion } from './commands/command-help';

const USAGE = `soullink <command> [options]

Commands:
  serve                    Start the GraphQL API (HTTP + websockets).
  worker                   Start a background job worker.
  quickstart               Embedded defaults: start the API, seed demo data, run the demo.
  migrate                  Apply pending database migrations.
  migrate:create <name>    Write a migration for entity changes (needs a scratch database).
  rewrap-keys              Re-wrap users' data keys under the current MASTER_KEY (key rotation).
  simulate [--self ID|file.json] [--partner ID|file.json] [--scenarios a,b | --scenario-count N]
           [--episodes N] [--turns N] [--seed S] [--budget TOKENS] [--user EMAIL] [--out DIR]
                           Run a compatibility simulation here and write the report files
                           (\`soullink simulate --help\` lists the options and scenario ids).
  seed                     Insert demo data (idempotent).
  emit-schema              Write graphql/schema.graphql from the resolvers.
  stub-llm --port N        Run the OpenAI-compatible stub model server.

Every command takes --help (its own options) and --version.
`;

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--version' || argv[0] === '-v') return void process.stdout.write(`soullink ${soullinkVersion()}\n`);
  // `soullink help <command>` reads as `soullink <command> --help`.
  if (argv[0] === 'help' && argv[1]) argv = [argv[1], '--help'];
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      port: { type: 'string' },
      host: { type: 'string' },
      once: { type: 'boolean' },
      user: { type: 'string' },
      self: { type: 'string' },
      partner: { type: 'string' },
      scenarios: { type: 'string' },
      'scenario-count': { type: 'string' },
      episodes: { type: 'string' },
      turns: { type: 'string' },
      seed: { type: 'string' },
      budget: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.version) return void process.stdout.write(`soullink ${soullinkVersion()}\n`);
  if (values.help) {
    // Help loads nothing of the app: no config, database or model is needed to read it.
    process.stdout.write((await commandHelp(command)) ?? USAGE);
    return;
  }
  // Each command loads only its own modules (the stub server needs no ORM, for instance).
  switch (command) {
    case 'serve':
      return (await import('./commands/serve.command.js')).serveCommand();
    case 'worker':
      return (await import('./commands/worker.command.js')).workerCommand();
    case 'quickstart':
      return (await import('./commands/quickstart.command.js')).quickstartCommand(values.once ?? false);
    case 'migrate':
      return (await import('./commands/migrate.command.js')).migrateCommand();
    case 'migrate:create':
    case 'migration-create':
      await (await import('./commands/migrate.command.js')).migrationCreateCommand(positionals[0] ?? 'change');
      return;
    case 'rewrap-keys':
      await (await import('./commands/rewrap-keys.command.js')).rewrapKeysCommand();
      return;
    case 'simulate':
      return (await import('./commands/simulate.command.js')).simulateCommand({ ...values, scenarioCount: values['scenario-count'] });
    case 'seed':
      return (await import('./commands/seed.command.js')).seedCommand();
    case 'emit-schema':
      return (await import('./commands/emit-schema.command.js')).emitSchemaCommand();
    case 'stub-llm':
      return (await import('./commands/stub-llm.command.js')).stubLlmCommand({
        port: Number(values.port ?? 8089),
        host: values.host ?? '127.0.0.1',
      });
    default:
      process.stdout.write(USAGE);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // An unknown or malformed option is the user's typo, not a crash: say which, and how to get help.
  if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
    process.stderr.write(`${err.message}\nRun \`soullink <command> --help\` for the options.\n`);
    process.exit(2);
  }
  if (err instanceof DatabaseNotMigratedError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG: the database is not set up for this version
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  if (err instanceof EmbeddedPostgresUnavailableError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG: this machine needs DATABASE_URL
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
