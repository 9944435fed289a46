const CHAR_MACRO = /\{\{char\}\}|<BOT>/gi;
const USER_MACRO = /\{\{user\}\}|<USER>/gi;

/**
 * Card text names the character as {{char}} (or V1's <BOT>) and the chat partner as
 * {{user}} (or <USER>). SoulLink keeps a persona's own name written out, since the persona's
 * name is known, but leaves the counterpart as `{{user}}`: who that is depends on the chat,
 * so prompt building fills it in.
 */
export function expandCardMacros(text: string, characterName: string): string {
  return text.replace(CHAR_MACRO, () => characterName).replace(USER_MACRO, '{{user}}');
}
