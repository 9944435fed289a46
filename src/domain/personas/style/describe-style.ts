import type { StyleFingerprint } from './style-fingerprint';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The style fingerprint in a few plain lines for the partner's prompt: how long the
 * messages run, emoji, laughter, questions, languages and pet phrases. Null when nothing
 * was measured (no imported messages).
 */
export function describeStyle(fingerprint: Record<string, unknown> | null): string | null {
  const f = fingerprint as Partial<StyleFingerprint> | null;
  if (!f || !f.messageCount) return null;
  const lines: string[] = [];
  if (f.length) lines.push(`- messages are usually about ${Math.round(f.length.medianChars)} characters (rarely over ${Math.round(f.length.p90Chars)})`);
  if (f.emoji) {
    lines.push(
      f.emoji.perMessage > 0.05
        ? `- about ${f.emoji.perMessage.toFixed(1)} emoji per message, mostly ${f.emoji.top.slice(0, 5).map((e) => e.emoji).join(' ')}`
        : '- almost never uses emoji',
    );
  }
  if (f.laughter && f.laughter.rate > 0.03) lines.push(`- laughs in ${percent(f.laughter.rate)} of messages, as ${f.laughter.forms.slice(0, 3).join(', ')}`);
  if (typeof f.questionRate === 'number') lines.push(`- asks a question in ${percent(f.questionRate)} of messages`);
  if (f.languages && f.languages.length > 0) lines.push(`- writes in ${f.languages.slice(0, 3).map((l) => `${l.lang} ${percent(l.share)}`).join(', ')}`);
  if (f.frequentPhrases && f.frequentPhrases.length > 0) lines.push(`- habitual phrases: ${f.frequentPhrases.slice(0, 6).map((p) => `"${p.phrase}"`).join(', ')}`);
  return lines.join('\n');
}
