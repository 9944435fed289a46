import type { VoiceSettings } from '../../ports/speech.port';

/** What eSpeak NG is asked for: voices to try in order (the first one it knows is used) and a rate. */
export interface EspeakVoiceChoice {
  /** eSpeak voice ids, `language` or `language+variant` (e.g. `en-us+f3`, `cmn`). */
  voices: string[];
  wordsPerMinute: number;
}

/** eSpeak NG's own default rate: what speed 1 means. */
const NORMAL_WPM = 175;
/** The rates eSpeak NG accepts (espeakRATE_MINIMUM, espeakRATE_MAXIMUM). */
const MIN_WPM = 80;
const MAX_WPM = 450;
const FALLBACK_LANGUAGE = 'en-us';

/**
 * The OpenAI voice names a persona may carry (the default is `alloy`), as eSpeak variants of
 * a similar register: eSpeak has no such voices, but a female or male variant keeps a persona
 * recognisable when an operator adds a speech endpoint later. `fable` is the British one.
 */
const OPENAI_VOICES: Record<string, { variant: string; english?: string }> = {
  alloy: { variant: 'f1' },
  coral: { variant: 'f2' },
  nova: { variant: 'f3' },
  shimmer: { variant: 'f4' },
  sage: { variant: 'f5' },
  onyx: { variant: 'm1' },
  ash: { variant: 'm2' },
  echo: { variant: 'm3' },
  ballad: { variant: 'm4' },
  verse: { variant: 'm5' },
  fable: { variant: 'm6', english: 'en-gb-x-rp' },
};

/** eSpeak's Chinese voices: a persona set to one of them keeps it for Chinese text. */
const CHINESE_LANGUAGES = new Set(['cmn', 'yue', 'zh', 'zh-cmn', 'zh-yue']);

/**
 * How a persona's voice settings and a text become an eSpeak NG voice:
 * - rate: `speed` × 175 words per minute (eSpeak's normal rate), clamped to eSpeak's 80–450,
 *   so speeds below about 0.46 or above about 2.57 sound as fast or slow as eSpeak goes;
 * - language from the text: mostly CJK (more CJK characters than other words) → Japanese (`ja`) when it has kana, Korean (`ko`)
 *   when it has more Hangul than Han, else Mandarin (`cmn`, or the persona's `yue`);
 *   otherwise the voice name when it is an eSpeak language (`fr`, `de`, `en-gb`…; one eSpeak
 *   does not know falls back), British English for `fable`, else American English;
 * - timbre: an OpenAI voice name maps to an eSpeak variant (female f1–f5, male m1–m6, see
 *   OPENAI_VOICES); other names keep the language's default voice.
 */
export function espeakVoiceFor(text: string, settings: VoiceSettings): EspeakVoiceChoice {
  const name = settings.voice.trim().toLowerCase();
  const known = OPENAI_VOICES[name];
  const ownLanguage = known ? undefined : /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(name) ? name : undefined;
  const script = dominantScript(text);
  let language: string;
  if (script === 'han') language = ownLanguage && CHINESE_LANGUAGES.has(ownLanguage) ? ownLanguage : 'cmn';
  else if (script === 'kana') language = 'ja';
  else if (script === 'hangul') language = 'ko';
  else language = known?.english ?? ownLanguage ?? FALLBACK_LANGUAGE;
  const variant = known?.variant;
  const voices = [...new Set([variant ? `${language}+${variant}` : language, language, FALLBACK_LANGUAGE])];
  const wordsPerMinute = Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, NORMAL_WPM * (Number.isFinite(settings.speed) ? settings.speed : 1))));
  return { voices, wordsPerMinute };
}

/**
 * Which script most of a text is in, counting each CJK character and each run of other letters
 * (a word) once: a Chinese sentence with one English brand name in it is still Chinese (eSpeak's
 * `cmn` reads Latin words as English).
 */
function dominantScript(text: string): 'han' | 'kana' | 'hangul' | 'other' {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const words = text.match(/[^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu)?.length ?? 0;
  const cjk = han + kana + hangul;
  if (cjk === 0 || cjk <= words) return 'other';
  if (kana > 0) return 'kana';
  return hangul > han ? 'hangul' : 'han';
}
