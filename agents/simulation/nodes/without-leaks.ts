import { cannedReply } from '../../../src/llm/canned-replies';
import type { ChatCompletion, ChatRequest, ModelProvider } from '../../../src/ports/model-provider.port';
import { cappedLine } from '../episode/capped-line';

/**
 * Small models echo their instructions: "About you: Age 29; Product designer…", the scene's
 * sentences, the private goal. Such a line would leak the agent's prompt (its private goal
 * included) into the shared transcript, and nobody talks like that. A reply is a leak when it
 * carries a persona-sheet label or shares a run of ECHO_NGRAM words with the agent's prompt.
 */
export type LeakKind = 'label' | 'echo';

/** Words in a row shared with the prompt that make a reply an echo (Chinese: characters). */
export const ECHO_NGRAM = 8;

// Labels of persona sheets and prompt scaffolding (English and Chinese), as a line starts with
// them ("Age: 29", "关于你："): nobody opens a chat message that way.
const LABEL_AT_LINE_START =
  /^[\s>*\-•"'“]*(?:about (?:you|me|him|her)|age|gender|name|personality(?: and relationship habits)?|interests?|values?|description|relationship(?: goals?| context)?|dealbreakers?|goals?|(?:your |my )?(?:private |secret )?goal|profile|how (?:you|i) write|writing style|style|messages you (?:actually )?wrote|scene|setting|what is at stake|stakes|tension|instructions?|system|persona|character|关于你|关于我|年龄|性别|性格|兴趣|价值观|目标|私密目标|场景|设定|风格)\s*[:：]/imu;
// Scaffolding that gives the prompt away wherever it appears, and talk about the task itself
// (a small model answers the instructions instead of playing: "Write a text for the next
// exchange between Alex and Mei", "Reply with Mei's next message…").
const LABEL_ANYWHERE =
  /private goal|secret goal|stay in character|never say you are an ai|as an ai\b|language model|\bsystem prompt|about you:|personality and relationship habits|\[your turn to write\]|does not know it|\bnext (?:text )?(?:message|exchange|line)\b|\bshort sentences?\b|\bin your own words\b|\btext message to\b|\b(?:reply|respond|answer) (?:with|as)\b|\bexchange between\b|\bwhat does \p{L}+ (?:text|say)\b|\btexts first\b|\bsecret(?:ly)? (?:plan|goal|wants?|hopes?)\b|\bbased on the (?:given |above )?(?:chat|conversation|transcript|text)\b|\bnext response\b|\bconversation so far\b|\bthis (?:indicates|suggests) that\b|\bhere are (?:some|a few)\b|\bin this sentence\b|\b(?:en|zh|english|chinese) \d{1,3}%|\bemoji per message\b|\bcharacters \(rarely over\b|\btexting style\b|\btexts you have sent\b|\bwrite (?:a|the|your|only|one)\b[^.!?\n]{0,40}\b(?:message|text|reply|line|exchange|dialogue|conversation)\b|私密目标|你的目标是|保持角色|不要说你是/iu;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Words (Latin and others, lower-cased) and single CJK characters, in order. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (CJK.test(word)) {
      // CJK text has no spaces: each character counts as a word, Latin runs inside stay whole.
      for (const part of word.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu) ?? []) out.push(part);
    } else out.push(word);
  }
  return out;
}

/**
 * n-grams worth comparing: a run of few distinct words ("haha haha haha…", "哈哈哈哈…")
 * appears in many prompts' samples and replies alike and proves no echo.
 */
function ngrams(words: readonly string[], n: number): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) {
    const gram = words.slice(i, i + n);
    if (new Set(gram).size >= Math.ceil(n / 2)) grams.add(gram.join(' '));
  }
  return grams;
}

/** The n-grams of an agent's prompt, built once per prompt and reused for every line checked against it. */
export interface PromptEcho {
  readonly grams: ReadonlySet<string>;
}

/**
 * Recently split prompts. An agent's prompt (and its private goal) is the same text on every
 * turn of its episode; splitting it into n-grams was ~0.1 ms of each turn, outside the model
 * call. Least recently used first; a miss only splits again.
 */
const recentEchoes = new Map<string, PromptEcho>();
const RECENT_ECHOES = 32;

export function promptEcho(prompt: string): PromptEcho {
  const known = recentEchoes.get(prompt);
  if (known) {
    recentEchoes.delete(prompt);
    recentEchoes.set(prompt, known);
    return known;
  }
  const echo: PromptEcho = { grams: ngrams(tokens(prompt), ECHO_NGRAM) };
  recentEchoes.set(prompt, echo);
  if (recentEchoes.size > RECENT_ECHOES) recentEchoes.delete(recentEchoes.keys().next().value!);
  return echo;
}

/** Why `text` leaks its prompt, or null when it does not. */
export function leakIn(text: string, prompt: PromptEcho | string): LeakKind | null {
  if (labelled(text)) return 'label';
  const { grams } = typeof prompt === 'string' ? promptEcho(prompt) : prompt;
  for (const gram of textGrams(text)) if (grams.has(gram)) return 'echo';
  return null;
}

/**
 * A turn's line is checked twice in a row, against the agent's prompt (lineWithoutLeaks) and
 * then its private goal (withoutLeaks): the last text's label test and n-grams are kept, so
 * the second check costs a set lookup per n-gram rather than the label patterns (~30 µs).
 */
let lastChecked: { text: string; labelled: boolean; grams: ReadonlySet<string> | null } = { text: '', labelled: false, grams: null };

function checked(text: string) {
  if (lastChecked.text !== text) lastChecked = { text, labelled: LABEL_AT_LINE_START.test(text) || LABEL_ANYWHERE.test(text), grams: null };
  return lastChecked;
}

const labelled = (text: string): boolean => checked(text).labelled;

function textGrams(text: string): ReadonlySet<string> {
  const entry = checked(text);
  entry.grams ??= ngrams(tokens(text), ECHO_NGRAM);
  return entry.grams;
}

const SPEAKER_TAG = /^\s*\p{Lu}[\p{L}'-]{0,20}(?:\s+\p{Lu}[\p{L}'-]{0,20})?\s*(?:\([^)\n]{0,30}\))?\s*[:：]\s*/u;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Labels a small model writes when it goes on with a script inside one line: "Me:" (how chat
 * logs mark one's own side), the speaker's or the other's name followed by a colon. A text
 * message has none mid-line; what follows is another speaker's part or commentary. Case
 * matters: "told you: fine" is a message, "Me:" and "Mei:" are labels.
 */
const labelNames = (speaker: string, other?: string) => ['Me', speaker, other ?? ''].filter(Boolean).map(escape).join('|');

/**
 * The line cut where a speaker label starts in mid-line (see labelNames), and a bare label
 * left dangling at its end ("…see you tonight. Me", the reply stopped right before the
 * colon) dropped. A label at the very start is the speaker's prefix, removed before this.
 */
export function cutAtInlineLabel(text: string, speaker: string, other?: string): string {
  const names = labelNames(speaker, other);
  let t = text;
  const inline = new RegExp(`(?<=[\\s\\p{P}\\p{S}])(?:${names})\\s*(?:\\([^)\\n]{0,30}\\))?\\s*[:：]`, 'u').exec(t);
  if (inline) t = t.slice(0, inline.index);
  // "Me" is dangling wherever it ends the line; a name only after the message's own end ("see you Mei" is a message).
  return t.replace(/\s+Me\s*$/u, '').replace(new RegExp(`(?<=[.!?。！？…~\\p{So}\\p{Sk}])\\s+(?:${names})\\s*$`, 'u'), '').trimEnd();
}

/** Words before which a name stands as the one addressed ("Hi Mei,", "Oh, Mei?"). */
const ADDRESS_OPENERS = 'Hi|Hey|Hello|Morning|Good morning|Evening|Dear|Thanks|Thank you|Sorry|Oh|Well|Okay|OK|Yes|No';

/**
 * The other's name cut short, restored: a small model's tokenizer may split a name into a word
 * and a tail (TinyLlama's vocabulary has "Mei" as "Me" + "i"), and the 2-bit model often ends
 * the word there ("Hi Me, how are you?", "Sorry about that, Me?": 26 lines in one offline
 * bench run, which the next turns then copied). A capitalised proper prefix of the name, in
 * the place a name is used to address someone — after a greeting or a comma, before
 * punctuation — is the name. Not at a line's start, where the prefix is more likely the
 * word itself ("So, what now?" is not Sophie).
 */
export function restoreCutName(text: string, other: string): string {
  const name = other.trim();
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(name)) return text;
  const prefixes = Array.from({ length: name.length - 2 }, (_, i) => name.slice(0, i + 2)).map(escape).join('|');
  const addressed = new RegExp(`((?:\\b(?:${ADDRESS_OPENERS}),?|,)\\s+)(?:${prefixes})(?=\\s*[,.!?…]|\\s*$)`, 'gu');
  return text.replace(addressed, `$1${name}`);
}

/**
 * The reply as a chat message: a speaker prefix the model wrote as if writing a script
 * ("Mei: …", "Mei writes: …") removed, the text cut where the model went on to write the
 * other side's line ("\nAlex: …"), wrapping quotes dropped, whitespace trimmed.
 */
export function asChatMessage(text: string, speaker: string, other?: string): string {
  let t = text;
  if (other) {
    const otherLine = new RegExp(`(?:^|\\n)\\s*${escape(other)}\\s*(?:says|writes|replies)?\\s*[:：]`, 'iu');
    const at = t.search(otherLine);
    if (at >= 0) t = t.slice(0, at);
  }
  t = t.replace(new RegExp(`^\\s*${escape(speaker)}\\s*(?:says|writes|replies|texts)?\\s*[:：]\\s*`, 'iu'), '');
  // Any other script-style speaker tag, often a made-up name with details ("Ava (27, woman): …").
  t = t.replace(SPEAKER_TAG, '');
  // Narration of the speaker's own message ("Alex responds with "…"", "Mei texted: …"): the quoted or following text is the message.
  const narrated = new RegExp(`^\\s*${escape(speaker)}\\s+(?:responds|replies|texts|texted|says|said|writes|wrote|sends|sent|answers)(?:\\s+(?:with|back|to \\p{L}+))?\\s*(?::|,?(?=\\s*["“]))\\s*`, 'iu');
  if (speaker && narrated.test(t)) t = t.replace(narrated, '');
  // Before the dangling-label cut, which would take "Hi, Me" for a label left at the end.
  if (other) t = restoreCutName(t, other);
  t = cutAtInlineLabel(t, speaker, other).trim();
  const pairs: Record<string, string> = { '"': '"', '“': '”', '「': '」' };
  if (t.length >= 2 && pairs[t[0]!] === t.at(-1) && !t.slice(1, -1).includes(t[0]!)) t = t.slice(1, -1).trim();
  return t;
}

/**
 * The reply with its leaking lines dropped (a label line, a line echoing the prompt or the
 * private goal), and the speaker's own name prefix removed. Empty when nothing was left.
 */
export function withoutLeaks(text: string, prompt: PromptEcho | string, speaker?: string): string {
  const echo = typeof prompt === 'string' ? promptEcho(prompt) : prompt;
  const goalProbe = typeof prompt === 'string' ? prompt.slice(0, 40).toLowerCase() : '';
  return asChatMessage(
    text
      .split('\n')
      .filter((line) => {
        if (leakIn(line, echo)) return false;
        // A short prompt (a private goal) repeated in part: shorter than the n-gram window.
        return !(goalProbe.length > 10 && line.toLowerCase().includes(goalProbe));
      })
      .join('\n'),
    speaker ?? '',
  );
}

/** One role-play line to ask for: the chat request, and who speaks to whom. */
export interface LineAsk {
  request: ChatRequest;
  /** The speaking agent's name and the other side's. */
  speaker: string;
  other: string;
  /** The agent's prompt material (persona, scene, private goal, examples): what the line must not echo. */
  prompt: string;
  /**
   * Also ask again for a small model's artefacts: talk about the chat ("your next chat"), the
   * measured style recited, the speaker naming themselves in the third person. A person may
   * well text such phrases ("I'll reply to your message later"), so they count only where a
   * small local model is known to write them as artefacts of its prompt.
   */
  smallModel?: boolean;
  /**
   * The lines spoken so far, oldest first: a small model's draft that copies a run of the
   * other side's last line (REPEAT_NGRAM), or says again what a line already said (the same
   * words once the names are left out), is asked again.
   */
  earlier?: readonly { name: string; text: string }[];
}

/**
 * Words in a row shared with the other side's last line that make a draft a copy of it: a
 * small model continuing a transcript often writes the line above again under its own name
 * ("Mei: Yes. Sorry about the delay in this chat. I've been busy…"). People quote a word or
 * three, not six in a row.
 */
export const REPEAT_NGRAM = 6;

/** A line's words without the couple's names, for "said that already" ("Hi, Alex. How are you today?" is "Hi, Mei. How are you today?"). */
function sameWords(text: string, names: readonly string[]): string {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  return tokens(text.replace(/\[END\]/gi, ''))
    .filter((w) => !drop.has(w))
    .join(' ');
}

/** The line to store, and what it took. */
export interface SaidLine {
  /** The chat message, without leaks; still carries an [END] mark if the model wrote one. */
  text: string;
  /** Every model answer asked for, the leaky ones included (for tokens and cost). */
  attempts: ChatCompletion[];
  /** What was wrong with each rejected draft, in order (empty when the first draft was used). */
  leaks: (LeakKind | 'empty' | 'narration' | 'repeat')[];
  /** The canned in-character line stood in: both drafts leaked, or were empty. */
  canned: boolean;
}

/**
 * A line about the speaker in the third person ("Mei sent three text messages to Alex…",
 * "Alex is a product designer…"): narration, not a message anyone would send. Unusable like
 * a leak, though it gives nothing of the prompt away.
 */
export function isNarration(text: string, speaker: string, other = '', options: { midLine?: boolean } = { midLine: true }): boolean {
  const names = [speaker, other].filter(Boolean).map(escape).join('|');
  if (names !== '' && new RegExp(`^\\s*(?:${names})(?:'s)?\\s+\\p{Ll}`, 'u').test(text)) return true;
  if (options.midLine === false) return false;
  // The couple named together ("In this chat, Mei and Alex are not…"): a narrator's view of them, not one of them talking.
  if (speaker !== '' && other !== '' && new RegExp(`\\b(?:${names})\\s+and\\s+(?:${names})\\b`, 'u').test(text)) return true;
  // The speaker named in the third person in mid-line ("Yes, Mei confirms that the flat is
  // hers"): nobody texts about themselves by name.
  return speaker !== '' && new RegExp(`\\b${escape(speaker)}\\s+(?:is|was|has|had|confirms|confirmed|says|said|asks|asked|agrees|agreed|mentions|mentioned|wants|wanted|thinks|feels|replies|replied|responds|responded)\\b`, 'u').test(text);
}

/**
 * Talk about the chat rather than in it ("The chat so far:", "You can continue your chat as
 * follows:"): TinyLlama answering the transcript's framing. Not prompt text the leak rate
 * counts (leakIn), but no message either; the filter asks again, as for a leak.
 */
const CHAT_META = /\b(?:the )?chat so far\b|\b(?:continue|write about) (?:the |your )?chat\b|\byour (?:next )?chat\b|\bthe chat (?:ends|has started|has stopped)\b|\b(?:reply|respond) to (?:your|the|my) (?:next )?(?:chat|message|text)\b/iu;

/**
 * The measured style recited in the agent's own words ("messages are usually about 28
 * characters"): shorter than the echo window, so leakIn (the leak rate's definition) does not
 * see it, but nobody texts that. The filter asks again, as for a leak.
 */
const STYLE_RECITAL = /\b(?:messages are usually|usually about \d+ characters|rarely over \d+|\d+ ?% of (?:her |his |my |your )?messages|habitual phrases?)\b/iu;

/** A different but reproducible seed for the retry. */
const retrySeed = (seed: number | undefined) => (seed === undefined ? undefined : (seed + 7_919) % 2 ** 31);

/**
 * Asks for a line and keeps it only if it does not leak the prompt. A leaky (or empty) draft
 * is asked for once more with another seed; if that leaks too, the canned in-character line
 * stands in — never "…", never the leak. Lines the model marks degraded are the provider's
 * canned reply already and are kept as they are.
 */
export async function lineWithoutLeaks(llm: ModelProvider, ask: LineAsk): Promise<SaidLine> {
  const echo = promptEcho(ask.prompt);
  const earlier = ask.smallModel ? (ask.earlier ?? []) : [];
  const otherLast = [...earlier].reverse().find((l) => l.name === ask.other);
  const copied = otherLast ? ngrams(tokens(otherLast.text), REPEAT_NGRAM) : null;
  const said = new Set(earlier.map((l) => sameWords(l.text, [ask.speaker, ask.other])));
  const repeats = (text: string) => said.has(sameWords(text, [ask.speaker, ask.other])) || (copied !== null && [...ngrams(tokens(text), REPEAT_NGRAM)].some((gram) => copied.has(gram)));
  const attempts: ChatCompletion[] = [];
  const leaks: SaidLine['leaks'] = [];
  let seed = ask.request.seed;
  for (let attempt = 0; attempt < 2; attempt++) {
    const reply = await llm.chat({ ...ask.request, ...(seed === undefined ? {} : { seed }) });
    attempts.push(reply);
    // Every model failed (the provider's canned line), e.g. a local model that wrote nothing
    // before its stop: asked once more, like a leak, then the canned line stands.
    if (reply.degraded) {
      if (attempt === 0) {
        leaks.push('empty');
        seed = retrySeed(seed);
        continue;
      }
      return { text: reply.text, attempts, leaks, canned: true };
    }
    // A text message is one line: what a small model writes after it is a second message, a script or commentary.
    const line = asChatMessage(reply.text.trim().split('\n')[0]!, ask.speaker, ask.other);
    // A reply stopped by its token cap ends mid-word ("money can bec"): kept up to its last whole sentence or word.
    // The endpoint's finish_reason says so; the token count is the fallback for endpoints that
    // do not send one (a local server counting a prefilled reply start may report fewer tokens).
    const capped = reply.finishReason === 'length' || (ask.request.maxTokens !== undefined && reply.usage.completionTokens >= ask.request.maxTokens);
    const text = capped ? cappedLine(line) : line;
    const leak = leakIn(text, echo) ?? (ask.smallModel && (STYLE_RECITAL.test(text) || CHAT_META.test(text)) ? 'label' : null);
    const empty = !text.replace(/\[END\]/gi, '').trim();
    const narration = !leak && !empty && isNarration(text, ask.speaker, ask.other, { midLine: ask.smallModel === true });
    const repeat = !leak && !empty && !narration && repeats(text);
    if (!leak && !empty && !narration && !repeat) return { text, attempts, leaks, canned: false };
    leaks.push(leak ?? (empty ? 'empty' : narration ? 'narration' : 'repeat'));
    seed = retrySeed(seed);
  }
  return { text: cannedReply(ask.request.messages, ask.request.seed), attempts, leaks, canned: true };
}

/** The cap on one role-play line's tokens (both agents): one text message, see the turn nodes. */
export const LINE_MAX_TOKENS = 40;

/**
 * Where a role-play line ends: the other side's name with a colon (the model began writing
 * their part), the speaker's own name on a new line (a second message), or "Me:" after a
 * space (a chat log's label for one's own side, which TinyLlama writes in mid-line). The
 * first line alone is kept, cut at any other inline label (asChatMessage). At most four
 * stops, as OpenAI-compatible servers accept.
 */
export function lineStops(speaker: string, other: string): string[] {
  // No line-break stop, not even a blank line: a small model often opens with one or two line
  // breaks, and a reply stopped there is empty (measured offline: two of the demo episode's
  // first drafts, then the canned line). What follows the first line is cut off anyway, and the
  // token cap bounds it.
  // " Me:" with its space: a reply that opens with "Me:" is a prefix (removed), not a stop.
  return [`${other}:`, `\n${speaker}:`, ' Me:'];
}
