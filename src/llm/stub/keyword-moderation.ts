import type { ModerationCategory } from '../openai-compat/moderation.response';

// Deliberately tiny: the stub only needs a few obvious Chinese and English phrases so tests
// have a default to hit. Tests that need precise verdicts script them.
const KEYWORDS: ReadonlyArray<{ pattern: RegExp; flag: ModerationCategory[] }> = [
  { pattern: /kill myself|suicide|end my life|自杀|不想活|想死/iu, flag: ['self-harm', 'self-harm/intent'] },
  { pattern: /i will kill you|kill you|杀了你|弄死你/iu, flag: ['violence', 'harassment/threatening', 'harassment'] },
  { pattern: /make a bomb|制造炸弹/iu, flag: ['illicit', 'illicit/violent'] },
  { pattern: /\bidiot\b|傻逼|废物/iu, flag: ['harassment'] },
];

/** Categories the keyword list flags in `text` (empty when clean). */
export function keywordModerationFlags(text: string): ModerationCategory[] {
  const flags = new Set<ModerationCategory>();
  for (const { pattern, flag } of KEYWORDS) {
    if (pattern.test(text)) flag.forEach((f) => flags.add(f));
  }
  return [...flags];
}
