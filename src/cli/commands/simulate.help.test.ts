import { SCENARIO_LIBRARY } from '../../../seeds/scenarios/library';
import { simulateHelp } from './simulate.help';

describe('soullink simulate --help', () => {
  it('When help is asked for, Then it lists every option and only scenario ids that exist', () => {
    const help = simulateHelp();
    for (const option of ['--self', '--partner', '--scenarios', '--scenario-count', '--episodes', '--turns', '--seed', '--budget', '--user', '--out', '--help']) expect(help).toContain(option);
    const ids = new Set(SCENARIO_LIBRARY.map((t) => t.id));
    for (const id of ids) expect(help).toContain(id);
    const examples = help.split('Examples:')[1]!.split('Built-in scenarios:')[0]!;
    const named = [...examples.matchAll(/--scenarios (\S+)/g)].flatMap((m) => m[1]!.split(','));
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(ids).toContain(id);
  });
});
