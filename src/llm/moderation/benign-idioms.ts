import { literalPrefixes } from './literal-prefixes';
import { PrefixIndex } from './prefix-index';

/**
 * Everyday idioms that borrow violent or deadly words, removed from a word view before the
 * harmful patterns run. Romance and banter are full of them ("I'm dying to see you",
 * "想死你了" = I miss you so much), and a companion app that answered them with a crisis
 * line would be both useless and insulting. Each idiom is narrow: it consumes its own words
 * only, so "累死了，不想活了" still leaves "不想活了" to be read.
 */
export interface BenignIdiom {
  readonly id: string;
  readonly pattern: RegExp;
}

function idiom(id: string, pattern: RegExp): BenignIdiom {
  return { id, pattern: new RegExp(pattern.source, 'g') };
}

/** Degree complements with 死: "笑死", "累死了", "气死我了", "热死人", "爱死你了". */
const HYPERBOLE_HEADS =
  '笑|累|饿|困|热|冷|吓|烦|气|急|忙|美|爱|帅|馋|痒|疼|痛|闷|丑|渴|撑|憋|酸|甜|萌|羡慕|开心|高兴|难受|郁闷|无聊|' +
  '尴尬|可爱|担心|紧张|激动|感动|舒服|晒|吵|挤|醉|冻|香|好吃|好看|漂亮|好笑|倒霉|麻烦|懒|恶心|心疼|喜欢|爽|坑|恨|' +
  '悔|乐|臭|难看|无语|尬|烦人|吵人|辣|咸|苦|虐|羞|丢人|丢脸|后悔|急人|折腾|吓人|忙碌|憋屈|气人|赶|冤|亏|穷|胖|闲';

export const BENIGN_IDIOMS: readonly BenignIdiom[] = [
  // English
  idiom('en.dying-to', /\bdying (?:to|for) (?!die\b|kill\b|end\b)\w+/),
  idiom('en.killing-me', /\b(?:youre|you are|ur|u r|you|this|that|it|these|those|theyre|they are|shes|she is|hes|he is|thats|its|work|school|the heat) (?:is |are |r )?(?:so |literally |totally |really |actually |just )?killing me\b/),
  idiom('en.kill-time', /\bkill(?:ing|ed|s)? (?:some |the |a little |a bit of |an hour of |a few hours of )?time\b/),
  idiom('en.dead-to-me', /\b(?:is |are |s )?dead to me\b/),
  idiom('en.drop-dead', /\bdrop ?dead (?:gorgeous|beautiful|sexy|handsome|hot|stunning|cute)\b/),
  idiom('en.to-die-for', /\bto die for\b/),
  idiom('en.die-of', /\b(?:die|died|dying|dead) (?:of|from|with) (?:laughter|laughing|embarrassment|shame|cuteness|happiness|boredom|jealousy|envy|excitement|joy|curiosity)\b/),
  idiom('en.die-laughing', /\b(?:die|died|dying|dead) laughing\b/),
  idiom('en.die-for-you', /\b(?:id|i would|i could|would|could|i will|ill|i) (?:\w+ )?(?:die|kill) for (?:you|u|a|an|some|that|this|one|him|her)\b/),
  idiom('en.kill-the-mood', /\bkill(?:s|ing|ed)? (?:the|my|your|our|this|that) (?:mood|vibe|vibes|buzz|lights|engine|music|battery|conversation|joke)\b/),
  idiom('en.killing-myself-working', /\bkilling (?:myself|me) (?:laughing|trying|working|over|for|with)\b|\bworking myself to death\b/),
  idiom('en.killed-it', /\b(?:killed|killing|kill|nailed|slayed|slay) it\b/),
  idiom('en.shoot-a-text', /\bshoot (?:me|you|u|him|her|them) (?:a|an) (?:text|message|msg|email|dm|line|pic|photo|call)\b|\bshoot (?:my|your|ur) shot\b/),
  idiom('en.beat-you-at-a-game', /\b(?:kill|murder|destroy|crush|wreck|end|beat) (?:you|u) (?:at|in) (?:mario ?kart|chess|smash|fortnite|cod|call of duty|minecraft|league|overwatch|valorant|apex|tetris|uno|cards|poker|tennis|pool|scrabble|monopoly|trivia|karaoke|bowling|ping pong|(?:the|this|that|our) (?:game|match|round|rematch))\b/),
  idiom('en.over-my-dead-body', /\bover my dead body\b/),
  idiom('en.chink-in-armour', /\bchink in (?:the|his|her|their|my|your|its) armou?r\b/),
  idiom('en.harmless-bomb', /\b(?:bath|photo|f|love) ?bombs?\b|\bphotobomb\w*|\b(?:youre|you are|ur|its|that is|thats|this is|it was) (?:the|da|a) bomb\b|\bbomb (?:ass|cake|dinner|food|pizza|burger|outfit|party|song|track|show|vibes?)\b|\bbomb(?:ed|ing)? (?:my|the|that|this|an?|our) (?:exam|test|interview|presentation|audition|date|quiz|class|finals?|essay)\b/),
  idiom('en.suicide-squad', /\bsuicide (?:squad|mission|sprints?|doors|prevention|awareness)\b/),
  idiom('en.cum-laude', /\b(?:summa|magna)? ?cum laude\b/),
  idiom('en.murder-mystery', /\bmurder (?:mystery|mysteries|podcast|documentary|show|drones|hornets?)\b/),
  idiom('en.scared-to-death', /\b(?:scared|bored|worried|tired|sick) to death\b/),

  // Chinese
  idiom('zh.miss-you-to-death', /想死(?:你|您|他|她|宝贝|宝宝|亲爱的|老公|老婆|你们|妈妈|爸爸|大家|我了|了你)|想(?:你|他|她|您)想(?:得)?(?:要)?死(?:了)?/),
  idiom('zh.die-in-your-arms', /死在(?:你|您)(?:的)?(?:怀里|怀中|身边)/),
  idiom('zh.hyperbole', new RegExp(`(?:${HYPERBOLE_HEADS})(?:得)?(?:要)?死(?:我|你|人|他|她|宝宝|本宝宝|爹|娘|老子)?(?:了|啦|啊|呀|掉|的|哦)?`)),
  idiom('zh.fixed-words', /死机|死心|死党|死鬼|死相|死宅|死忠|死记硬背|死磕|死胡同|死循环|死角|死穴|死线|死活|死板|半死不活|死去活来|生死与共|同生共死|至死不渝|死心塌地|死对头|死马当活马医|拼死拼活|笑死人不偿命|去死皮|去死角|打死(?:我)?(?:也)?不/),
  idiom('zh.kill-words', /秒杀|杀价|砍价|杀青|杀毒|杀手锏|必杀|杀时间|杀死时间|杀马特|杀疯了|杀熟|杀菌|狼人杀|杀人游戏|剧本杀|三国杀|颜杀|萌杀|帅杀|杀死比赛|回马枪|杀手(?:级|锏)/),
  // 自杀式 is a figure of speech for a reckless move (自杀式投篮); an attack is violence, not self-harm.
  idiom('zh.reckless', /自杀式/),
  idiom('zh.bargain-jump', /跳楼价|跳楼大甩卖|跳楼甩卖/),
  idiom('zh.go-to-bed', /上床睡觉|上床休息|上床了?睡/),
  idiom('zh.none-of-my-business', /干(?:我|你|他|她)(?:什么|啥|屁|鸟)事/),
  idiom('zh.trouble', /大麻烦/),
];

/** The literal text each idiom's matches begin with (see literalPrefixes), by idiom; null: the idiom always runs. */
export const BENIGN_IDIOM_PREFIXES: readonly (readonly string[] | null)[] = BENIGN_IDIOMS.map(({ pattern }) =>
  literalPrefixes(pattern.source),
);
const IDIOM_INDEX = new PrefixIndex(BENIGN_IDIOM_PREFIXES);

/** Replaces each idiom in `view`, in list order, with a space. */
export function maskBenignIdioms(view: string): string {
  return maskCandidateIdioms(view, IDIOM_INDEX.candidates(view));
}

/**
 * maskBenignIdioms, for a caller that has already looked for the idioms `view` may hold
 * (`candidates`: indexes into BENIGN_IDIOMS, from a PrefixIndex built on BENIGN_IDIOM_PREFIXES).
 * An idiom none of whose prefixes is in the view cannot match it, so its replace would change
 * nothing and is skipped, until a replacement changes the text: from there on every idiom runs.
 */
export function maskCandidateIdioms(view: string, candidates: readonly number[]): string {
  let out = view;
  BENIGN_IDIOMS.forEach(({ pattern }, idiom) => {
    if (out === view && !candidates.includes(idiom)) return;
    out = out.replace(pattern, ' ');
  });
  return out;
}
