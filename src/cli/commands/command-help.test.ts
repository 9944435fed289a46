import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_HELP, commandHelp, soullinkVersion } from './command-help';

describe('soullink <command> --help and --version', () => {
  it.each(Object.keys(COMMAND_HELP))('When `%s --help` is asked for, Then its help starts with its usage line and lists --help and --version', async (command) => {
    const help = (await commandHelp(command))!;
    expect(help.startsWith(`soullink ${command}`)).toBe(true);
    expect(help).toContain('-h, --help');
    expect(help).toContain('-v, --version');
  });

  it('When the version is asked for, Then it is the package version, from source or from dist', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(soullinkVersion()).toBe(version);
    expect(soullinkVersion(join(__dirname, '../../../dist/src/cli/commands'))).toBe(version);
  });

  it('When help is asked for a command without its own, Then there is none (the caller prints the usage)', async () => {
    expect(await commandHelp('no-such-command')).toBeUndefined();
    expect(await commandHelp(undefined)).toBeUndefined();
  });
});
