import { LocalModerator } from './local-moderator';
import { TUNING_CORPUS, type LabelledLine } from './moderation-corpus';

/*
 * Precision and recall count a line as positive when it is flagged (block or support).
 *
 * On this corpus, which the rules were tuned on, both are 1.00 (321 lines: 158 English,
 * 163 Chinese; 165 flagged, 156 allowed). That only says the lists do what they were written to do.
 *
 * The estimate of how they generalise comes from four blind rounds: sets of new lines
 * written before the rules ever saw them, scored once, and only then fixed and folded in
 * here (marked in moderation-corpus.ts). First-run scores:
 *   round 1 (57 lines):  precision 1.00 (25/25)  recall 0.81 (25/31)
 *   round 2 (62 lines):  precision 0.92 (22/24)  recall 0.69 (22/32)
 *   round 3 (50 lines):  precision 1.00 (18/18)  recall 0.69 (18/26)
 *   round 4 (32 lines):  precision 0.89 (8/9)    recall 0.50 (8/16)
 *   pooled (201 lines):  precision 0.96 (73/76)  recall 0.70 (73/105)
 *     English            precision 0.94 (34/36)  recall 0.67 (34/51)
 *     Chinese            precision 0.97 (39/40)  recall 0.72 (39/54)
 * Expect roughly that on text nobody wrote a pattern for: it rarely flags ordinary chat, and
 * misses about a third of harmful paraphrases. Prefer the provider's endpoint when one is
 * configured; keep adding missed lines here.
 */

const moderator = new LocalModerator();

function describeLine(line: LabelledLine): string {
  const direction = line.direction === 'output' ? 'model output' : 'user input';
  const note = line.note ? ` (${line.note})` : '';
  const category = line.category ? ` for ${line.category}` : '';
  return `When the ${line.lang} ${direction} "${line.text}"${note} is moderated, Then the action is ${line.expected}${category}`;
}

describe('LocalModerator on the labelled corpus', () => {
  it.each(TUNING_CORPUS.map((line) => [describeLine(line), line] as const))('%s', (_name, line) => {
    const verdict = moderator.classify(line.text, line.direction ?? 'input');
    const explanation = moderator.explain(line.text).map((hit) => `${hit.ruleId}=${hit.weight} "${hit.matched}"`);
    expect({ action: verdict.action, scores: verdict.scores, explanation }).toMatchObject({ action: line.expected });
    if (line.category) expect(verdict.categories).toContain(line.category);
  });

  it('When the corpus is counted, Then it has at least 40 Chinese and 40 English lines with traps and evasions in both', () => {
    for (const lang of ['en', 'zh'] as const) {
      const lines = TUNING_CORPUS.filter((line) => line.lang === lang);
      expect(lines.length).toBeGreaterThanOrEqual(40);
      expect(lines.some((line) => line.note === 'false-positive trap')).toBe(true);
      expect(lines.some((line) => line.note === 'evasion')).toBe(true);
    }
  });

  it.each(['en', 'zh', 'all'] as const)(
    'When precision and recall are measured on the tuning corpus (%s), Then both are 1.00',
    (lang) => {
      const lines = TUNING_CORPUS.filter((line) => lang === 'all' || line.lang === lang);
      let truePositives = 0;
      let falsePositives = 0;
      let falseNegatives = 0;
      for (const line of lines) {
        const flagged = moderator.classify(line.text, line.direction ?? 'input').action !== 'allow';
        const harmful = line.expected !== 'allow';
        if (flagged && harmful) truePositives += 1;
        else if (flagged) falsePositives += 1;
        else if (harmful) falseNegatives += 1;
      }
      expect(truePositives / (truePositives + falsePositives)).toBe(1);
      expect(truePositives / (truePositives + falseNegatives)).toBe(1);
    },
  );
});
