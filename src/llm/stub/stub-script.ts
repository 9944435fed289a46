import { z } from 'zod';
import { MODERATION_CATEGORIES, type ModerationCategory } from '../openai-compat/moderation.response';

/** A scripted chat reply: the first rule whose patterns all match answers (object replies are sent as JSON). */
export interface ChatScriptRule {
  /** Regex tested on the last user message. */
  match?: string;
  /** Regex tested on the system prompt. */
  system?: string;
  /** Only for this model. */
  model?: string;
  reply: string | Record<string, unknown> | unknown[];
  /** Use this rule this many times, then skip it (default: forever). */
  times?: number;
}

/** A scripted moderation verdict: inputs matching `match` are flagged with `flag`. */
export interface ModerationScriptRule {
  match: string;
  flag: ModerationCategory[];
  times?: number;
}

export type ScriptRule = ChatScriptRule | ModerationScriptRule;

export const MAX_SCRIPT_RULES = 1_000;

const regexSource = z
  .string()
  .max(2_000)
  .refine((source) => compiles(source), { message: 'not a valid regular expression' });

const chatRuleSchema = z.strictObject({
  match: regexSource.optional(),
  system: regexSource.optional(),
  model: z.string().max(200).optional(),
  reply: z.union([z.string().max(200_000), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  times: z.number().int().min(1).max(1_000_000).optional(),
});

const moderationRuleSchema = z.strictObject({
  match: regexSource,
  flag: z.array(z.enum(MODERATION_CATEGORIES)).min(1),
  times: z.number().int().min(1).max(1_000_000).optional(),
});

export const scriptRulesSchema = z.array(z.union([moderationRuleSchema, chatRuleSchema])).max(MAX_SCRIPT_RULES);

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

interface ArmedRule<R> {
  rule: R;
  match?: RegExp;
  system?: RegExp;
  left: number;
}

/** The scripted rules, in the order they were added; each use counts against `times`. */
export class StubScriptBook {
  private chat: ArmedRule<ChatScriptRule>[] = [];
  private moderation: ArmedRule<ModerationScriptRule>[] = [];

  add(rules: readonly ScriptRule[]): void {
    const valid = scriptRulesSchema.parse(rules) as ScriptRule[];
    if (this.chat.length + this.moderation.length + valid.length > MAX_SCRIPT_RULES) {
      throw new Error(`The stub holds at most ${MAX_SCRIPT_RULES} script rules; reset it first`);
    }
    for (const rule of valid) {
      const left = rule.times ?? Number.POSITIVE_INFINITY;
      if ('flag' in rule) this.moderation.push({ rule, match: new RegExp(rule.match, 'u'), left });
      else {
        this.chat.push({
          rule,
          left,
          ...(rule.match !== undefined ? { match: new RegExp(rule.match, 'u') } : {}),
          ...(rule.system !== undefined ? { system: new RegExp(rule.system, 'u') } : {}),
        });
      }
    }
  }

  /** The reply of the first live chat rule matching this request, consuming one use. */
  takeChatReply(request: { model: string; lastUser: string; system: string }): ChatScriptRule['reply'] | undefined {
    const armed = this.chat.find(
      (a) =>
        a.left > 0 &&
        (a.rule.model === undefined || a.rule.model === request.model) &&
        (a.match === undefined || a.match.test(request.lastUser)) &&
        (a.system === undefined || a.system.test(request.system)),
    );
    if (!armed) return undefined;
    armed.left -= 1;
    return armed.rule.reply;
  }

  /** Categories of the first live moderation rule matching `text`, consuming one use. */
  takeModerationFlags(text: string): ModerationCategory[] | undefined {
    const armed = this.moderation.find((a) => a.left > 0 && a.match!.test(text));
    if (!armed) return undefined;
    armed.left -= 1;
    return armed.rule.flag;
  }

  clear(): void {
    this.chat = [];
    this.moderation = [];
  }
}
