import { SCENARIO_LIBRARY } from '../../../seeds/scenarios/library';

/**
 * `soullink simulate --help`. The scenario ids are read from the built-in library, so the
 * examples always name scenarios that exist. Loads no app modules: help needs no database.
 */
export function simulateHelp(): string {
  const ids = SCENARIO_LIBRARY.map((t) => `  ${t.id.padEnd(36)} ${t.title}`).join('\n');
  return `soullink simulate [options]

Runs one compatibility simulation in this process (no API server needed) and writes the
report as Markdown, HTML and JSON. Needs the database (DATABASE_URL) and a model: the
offline model when no LLM endpoint or API key is configured. By default it plays the demo
couple of the demo account.

Options:
  --self ID|file.json      The SELF persona: an id of the user's, or a JSON persona file
                           (created on first use, by name). Default: the demo SELF persona.
  --partner ID|file.json   The PARTNER persona, likewise. Default: the demo partner.
  --scenarios a,b          Built-in or custom scenario ids, comma-separated (see below).
  --scenario-count N       Or: pick N scenarios with the seed (default 1).
  --episodes N             Episodes per scenario (default 1).
  --turns N                Turns per episode, 2–40 (default 8).
  --seed S                 Same seed, same scenarios, scenes and events (and, on models
                           that accept a seed, the same turns).
  --budget TOKENS          Stop with a partial report when the run has spent this many tokens.
  --user EMAIL             Run as this account (default: the demo account).
  --out DIR                Where the report files go (default: DATA_DIR/reports).
  -h, --help               This help.
  -v, --version            Print the version.

Examples:
  soullink simulate --scenarios first-date-after-texting --turns 6 --seed demo
  soullink simulate --scenarios money-rent-on-unequal-incomes,chores-mental-load --episodes 2
  soullink simulate --scenario-count 3 --seed 42 --out ./reports

Built-in scenarios:
${ids}
`;
}
