/**
 * Written laughter, grouped into forms: "hahaha", "HAHAH" and "ahaha" are one habit
 * ("haha"), while "lol" and "哈哈" are different habits worth telling apart.
 */
const FORMS: { form: string; pattern: RegExp }[] = [
  { form: 'haha', pattern: /(?<!\p{L})a?(?:ha){2,}h?(?!\p{L})/iu },
  { form: 'hehe', pattern: /(?<!\p{L})(?:he){2,}h?(?!\p{L})/iu },
  { form: 'lol', pattern: /(?<!\p{L})lo+l(?!\p{L})/iu },
  { form: 'lmao', pattern: /(?<!\p{L})lmf?ao+(?!\p{L})/iu },
  { form: 'rofl', pattern: /(?<!\p{L})rofl(?!\p{L})/iu },
  { form: 'xd', pattern: /(?<!\p{L})xd+(?!\p{L})/iu },
  // Chinese internet laughter: hhh (from 哈哈哈) and 233 (a forum emoticon number).
  { form: 'hhh', pattern: /(?<!\p{L})h{3,}(?!\p{L})/iu },
  { form: '233', pattern: /(?<!\d)2333*(?!\d)/u },
  { form: '哈哈', pattern: /[哈蛤]{2,}/u },
  { form: '嘿嘿', pattern: /嘿{2,}/u },
  { form: '嘻嘻', pattern: /嘻{2,}/u },
  { form: '呵呵', pattern: /呵{2,}/u },
  { form: '笑死', pattern: /笑死/u },
  { form: '笑哭', pattern: /笑哭/u },
  // Japanese laughter, typed straight after kana; the dots keep "www.example.com" out.
  { form: 'www', pattern: /(?<![\p{Script=Latin}.])[wｗ]{3,}(?![\p{Script=Latin}.])/iu },
  { form: '😂', pattern: /😂/u },
  { form: '🤣', pattern: /🤣/u },
  { form: '😆', pattern: /😆/u },
];

/** Every form in one pattern, for the measures that only ask "does this message laugh?". */
const ANY_LAUGHTER = new RegExp(FORMS.map(({ pattern }) => pattern.source).join('|'), 'iu');

export function laughs(text: string): boolean {
  return ANY_LAUGHTER.test(text);
}

export function laughterFormsIn(text: string): string[] {
  return FORMS.filter(({ pattern }) => pattern.test(text)).map(({ form }) => form);
}

export interface LaughterProfile {
  /** Share of messages that laugh. */
  rate: number;
  /** Forms used, most frequent first. */
  forms: string[];
}

export function laughterProfile(texts: readonly string[]): LaughterProfile {
  const counts = new Map<string, number>();
  let laughing = 0;
  for (const text of texts) {
    const forms = laughterFormsIn(text);
    if (forms.length > 0) laughing += 1;
    for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const forms = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([form]) => form);
  return { rate: texts.length === 0 ? 0 : laughing / texts.length, forms };
}
