#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error';

const USAGE = `soullink <command> [options]

Commands:
  serve                    Start the GraphQL API (HTTP + websockets).
  worker                   Start a background job worker.
  quickstart               Embedded defaults: start the API, seed demo data, run the demo.
  migrate                  Apply pending database migrations.
  migration-create <name>  Write a migration for entity changes (needs a database).
  simulate [--self ID|file.json] [--partner ID|file.json] [--scenarios a,b | --scenario-count N]
           [--episodes N] [--turns N] [--seed S] [--budget TOKENS] [--user EMAIL] [--out DIR]
                           Run a compatibility simulation here and write the report files.
  seed                     Insert demo data (idempotent).
  emit-schema              Write graphql/schema.graphql from the resolvers.
  stub-llm --port N        Run the OpenAI-compatible stub model server.
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
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
    case 'migration-create':
      return (await import('./commands/migrate.command.js')).migrationCreateCommand(positionals[0] ?? 'change');
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
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
