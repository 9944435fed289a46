import { expandCardMacros } from './card-macros';

const START = '<START>';

/**
 * Speaking samples as example dialogues, one `<START>` block each, in the convention every
 * card tool reads:
 *
 *   <START>
 *   {{char}}: omg yes pls 🥺
 */
export function renderMesExample(samples: readonly string[]): string {
  return samples.map((sample) => `${START}\n{{char}}: ${sample}`).join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The character's lines from a card's example dialogues, with the character named as the
 * persona. A line opened by `{{char}}:`, `<BOT>:` or the character's name starts a sample;
 * `{{user}}:` / `<USER>:` starts the other side's turn (dropped); any other line continues
 * the turn before it, so multi-line messages stay whole. Duplicates are dropped.
 */
export function parseMesExample(mesExample: string, characterName: string, max: number): string[] {
  const speaker = new RegExp(
    `^\\s*(\\{\\{char\\}\\}|<BOT>|${escapeRegExp(characterName.trim())}|\\{\\{user\\}\\}|<USER>)\\s*:[ \\t]?(.*)$`,
    'i',
  );
  const samples: string[] = [];
  let current: string[] | null = null;
  const finish = () => {
    const sample = current?.join('\n').trim();
    if (sample) samples.push(expandCardMacros(sample, characterName));
    current = null;
  };
  for (const line of mesExample.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim().toUpperCase() === START) {
      finish();
      continue;
    }
    const match = speaker.exec(line);
    if (match) {
      finish();
      const isUser = /^(\{\{user\}\}|<USER>)$/i.test(match[1]);
      if (!isUser) current = [match[2]];
      continue;
    }
    current?.push(line);
  }
  finish();
  return [...new Set(samples)].slice(0, max);
}
