import { BENIGN_IDIOMS, maskBenignIdioms } from './benign-idioms';
import { CHINESE_RULES } from './chinese-rules';
import { ENGLISH_RULES } from './english-rules';
import { literalPrefixes } from './literal-prefixes';
import { TUNING_CORPUS } from './moderation-corpus';
import { normalizeForModeration } from './text-normalizer';

describe('literalPrefixes', () => {
  it('reads the literal start of each alternative, through groups and word boundaries', () => {
    expect(literalPrefixes(/\bwatch (?:your|ur) back\b|\byoure (?:dead meat|a dead man)\b/.source)?.sort()).toEqual(['watch ur back', 'watch your back', 'youre a dead man', 'youre dead meat']);
    expect(literalPrefixes(/让你(?:全家)?(?:付出代价|不得好死)|你死定了/.source)).toEqual(['让你', '你死定了']);
  });

  it('stops at an optional or repeated part, a class or \\w, and skips lookarounds', () => {
    expect(literalPrefixes(/\bmy neighbou?r\b/.source)).toEqual(['my neighbo']);
    expect(literalPrefixes(/\bmolest\w*/.source)).toEqual(['molest']);
    expect(literalPrefixes(/(?<![0-9])(?:1[0-7]) ?yo/.source)).toEqual(['1']);
    // `l+`: one l is certain, what follows it is not.
    expect(literalPrefixes(/\bkill+ myself/.source)).toEqual(['kill']);
    expect(literalPrefixes(/(?:go|just)[^]{0,30}?die/.source)).toEqual(['go', 'just']);
  });

  it('gives null when a match may begin with no literal at all', () => {
    expect(literalPrefixes(/\w+ kill/.source)).toBeNull();
    expect(literalPrefixes(/(?:really )?dead/.source)).toBeNull();
    expect(literalPrefixes(/[你您]死/.source)).toBeNull();
  });

  it('reads past an assertion that may be all a branch has: every match of (?:^|go )kill holds "kill"', () => {
    expect(literalPrefixes(/(?:^|\bgo\s)kill/.source)).toEqual(['kill']);
  });

  it('keeps only the shortest of prefixes that contain one another', () => {
    expect(literalPrefixes(/\b(?:sex|sexual|sexually)\b/.source)).toEqual(['sex']);
  });

  /*
   * The moderator skips a rule whose prefixes are all absent, so they must be a necessary
   * condition: on every labelled line (and each of its word views, idioms masked as the
   * moderator masks them), a rule that matches has one of its prefixes in the view.
   */
  it('never lets a built-in rule that matches a labelled line be skipped', () => {
    const rules = [...ENGLISH_RULES, ...CHINESE_RULES];
    let checked = 0;
    for (const line of TUNING_CORPUS) {
      for (const view of normalizeForModeration(line.text).views.map(maskBenignIdioms)) {
        for (const rule of rules) {
          if (!new RegExp(rule.pattern.source, rule.pattern.flags).test(view)) continue;
          const prefixes = literalPrefixes(rule.pattern.source);
          checked++;
          if (prefixes !== null) expect({ rule: rule.id, view, found: prefixes.some((p) => view.includes(p)) }).toEqual({ rule: rule.id, view, found: true });
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(BENIGN_IDIOMS.length).toBeGreaterThan(0);
  });

  it('gives most built-in rules a prefix, so the moderator skips them on ordinary text', () => {
    const rules = [...ENGLISH_RULES, ...CHINESE_RULES];
    const withPrefixes = rules.filter((rule) => literalPrefixes(rule.pattern.source) !== null);
    expect(withPrefixes.length / rules.length).toBeGreaterThan(0.8);
  });
});
