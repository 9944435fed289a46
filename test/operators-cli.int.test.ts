import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMAND_HELP } from '../src/cli/commands/command-help';
import { migrationCreateCommand } from '../src/cli/commands/migrate.command';
import { createDatabase, dropDatabase } from './support/test-database';

// The built CLI, as operators run it (`npm test` builds first; TEST_CLI_MAIN points at another build).
const MAIN = process.env.TEST_CLI_MAIN ?? join(__dirname, '../dist/src/cli/main.js');
const VERSION = (JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = [...Object.keys(COMMAND_HELP), 'simulate', 'migration-create'];

function soullink(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: mkdtempSync(join(tmpdir(), 'task-h-cli-')), LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const describeBuilt = existsSync(MAIN) ? describe : describe.skip;

describeBuilt('The soullink CLI, as an operator runs it', () => {
  it.each(COMMANDS)('When `soullink %s --help` runs, Then it prints that command\'s help, exits 0 and needs no database', (command) => {
    const { code, stdout, stderr } = soullink([command, '--help'], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^soullink ${command === 'migration-create' ? 'migrate:create' : command}\\b`));
    expect(stdout).toContain('--help');
  });

  it.each(['--version', '-v', 'worker --version', 'simulate -v'])('When `soullink %s` runs, Then it prints the version', (args) => {
    const { code, stdout } = soullink(args.split(' '));
    expect(code).toBe(0);
    expect(stdout).toBe(`soullink ${VERSION}\n`);
  });

  it('When an option is misspelt, Then the CLI says which and how to get help, without a stack trace', () => {
    const { code, stderr } = soullink(['serve', '--prot', '4000']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--prot'[\s\S]*soullink <command> --help/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  describe('on a database nobody migrated', () => {
    let fresh: string;
    beforeAll(async () => {
      fresh = await createDatabase(process.env.TEST_SERVER_URL!, 'soullink_cli');
    });
    afterAll(() => dropDatabase(fresh));

    it('When `serve` or `worker` starts, Then it exits 78 naming `soullink migrate`, without a stack trace; `migrate` then applies every migration, once', () => {
      for (const command of ['serve', 'worker']) {
        const { code, stderr } = soullink([command], { DATABASE_URL: fresh, PORT: '0', WORKER_METRICS_PORT: '0' });
        expect(stderr).toMatch(/The database is not migrated[\s\S]*Run `soullink migrate`/);
        expect(stderr).not.toMatch(/^\s+at /m);
        expect(stderr).not.toMatch(/relation .* does not exist/);
        expect(code).toBe(78);
      }
      const migrated = soullink(['migrate'], { DATABASE_URL: fresh });
      expect(migrated.stderr).toBe('');
      expect(migrated.stdout).toMatch(/^Applied: Migration/);
      expect(soullink(['migrate'], { DATABASE_URL: fresh }).stdout).toBe('No pending migrations.\n');
    });

    it('When `migrate:create` runs on a scratch database, Then it applies the migrations and writes only a diff file (or says there is none)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'task-h-migration-'));
      const log = process.stdout.write;
      let printed = '';
      process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
      try {
        const file = await migrationCreateCommand('operators_check', {
          path: dir,
          env: { NODE_ENV: 'test', DATABASE_URL: fresh, DATA_DIR: mkdtempSync(join(tmpdir(), 'task-h-cli-')), LOG_LEVEL: 'silent' },
        });
        // Whether the entities and the committed migrations differ is not this test's business; that the command works is.
        if (file) {
          expect(readdirSync(dir)).toEqual([file]);
          expect(file).toMatch(/^Migration\d{14}_operators_check\.ts$/);
          expect(printed).toContain(`Wrote ${dir}/${file}`);
        } else {
          expect(printed).toBe('No changes: the entities match the migrations.\n');
        }
      } finally {
        process.stdout.write = log;
      }
      await expect(migrationCreateCommand('bad name; drop')).rejects.toThrow(/letters, digits/);
    });
  });
});
