/**
 * Word lists for bids for connection and the replies to them (Gottman & DeClaire 2001, "The
 * Relationship Cure"; Driver & Gottman 2004: a bid is any reach for the partner's attention,
 * interest or support; the reply turns toward, away or against). Stated lists, not a model;
 * syntax in marker-pattern.ts.
 */
import { markerPattern, wholeMessagePattern } from './marker-pattern';

const QUESTION_OPENERS = [
  `^[\\s\\p{P}]*(?:what|how|why|where|when|who|which|whose)`,
  `^[\\s\\p{P}]*(?:do|does|did|are|is|was|were|can|could|would|will|should|have|has) (?:you|u|we|i|it|they|he|she)`,
];
const QUESTION_FORMS_ZH = [
  '吗(?=[\\s\\p{P}\\p{S}]|$)',
  '(?:你|你们)呢',
  '(?<aNotA>[是要好有能会对行想去喜])[不没]\\k<aNotA>',
  '(?<![没不])(?:什么|怎么|为什么|为啥|哪|谁|几点|多少|如何|咋)(?![都也])',
];

/**
 * A question: a question mark, an English question opening, or a Chinese question form
 * (sentence-final 吗, 你呢, A-not-A as in 要不要 / 有没有, a question word not inside 没什么 /
 * 不怎么 / 什么都).
 */
export const QUESTION = markerPattern(QUESTION_OPENERS, ['[?？]', ...QUESTION_FORMS_ZH]);

/** A question by its words alone: "七点？" answering "几点？" is a tentative answer, not a new question. */
export const QUESTION_FORM = markerPattern(QUESTION_OPENERS, QUESTION_FORMS_ZH);

/** The open questions, where "ok" is no answer (a yes/no question or an invitation takes one). */
export const WH_QUESTION = markerPattern(
  [`(?:what|how|why|where|when|who|which|whose)`],
  ['(?<![没不])(?:什么|怎么|为什么|为啥|哪|谁|几点|多少|如何|咋)(?![都也])'],
);

/** News: sharing what happened, to be heard ("guess what", "I got the job", 你知道吗, 我今天). */
export const NEWS = markerPattern(
  [
    `guess what`, `you won't believe`, `i got (?:the job|in|accepted|promoted|a)`,
    `i just (?:got|found|heard|saw|finished|passed|won|bought|met|realized|realised)`,
    `(?:big|good|great|bad|exciting) news`, `did you (?:hear|see)`, `i finally`, `today i`, `i (?:passed|won|quit|finished)`,
    `(?:check this out|look at this)`, `omg`,
    `my (?:sister|brother|mom|mum|dad|boss|friend|parents|family|manager|best friend|grandma|grandpa|cousin|doctor) (?:is|just|got|has|had|was|said|called)`,
  ],
  [
    '你知道吗', '告诉你', '跟你说', '我今天', '我刚', '我终于', '猜猜', '你猜', '好消息', '坏消息', '我(?:考上|通过|拿到|升职|辞职|找到)',
    '我(?:妈|爸|姐|哥|弟|妹|老板|朋友|同事|家人|闺蜜)(?:今天|刚|说|要|下周|明天|来|生|怀孕|结婚)',
  ],
);

/** A feeling stated, asking to be met ("I'm so tired", "ugh", 好累, 我好难过). */
export const FEELING = markerPattern(
  [
    `(?:i'm|i am|i feel|i'm feeling|feeling) (?:(?:so|really|kinda|kind of|a bit|a little|pretty|very|super) )*(?:tired|exhausted|nervous|sad|happy|excited|stressed|anxious|worried|scared|lonely|bored|sick|down|upset|angry|mad|frustrated|overwhelmed|hurt|depressed|miserable|awful|terrible|proud|homesick|emotional)`,
    `ugh`, `(?<!(?:n't|not|never) )miss (?:you|u)`, `i had a (?:long|rough|bad|terrible|hard|great|amazing) day`, `what a day`,
  ],
  ['(?<!你)(?:好|太|很|超|有点|真)(?:累|困|难过|烦|开心|紧张|怕|伤心|郁闷|无聊|焦虑|崩溃)', '心情不好', '难受', '想哭', '崩溃了', '(?<![不没])想你'],
);

/** An invitation to do something together ("want to…", "let's", 要不要, 一起). */
export const INVITATION = markerPattern(
  [
    `want to`, `wanna`, `let[’']s`, `shall we`, `how about`, `would you like`, `do you want`, `join me`,
    `come (?:over|with|along|visit)`, `we should`, `are you free`,
  ],
  ['要不要', '一起', '我们去', '咱们去', '走吧', '来吗', '有空吗', '约吗'],
);

/**
 * Engagement in a reply: empathy, interest and follow-ups ("aw", "oh no", "congrats", "what
 * happened?", 抱抱, 心疼, 怎么了, 真的吗, 恭喜), and "me too".
 */
export const ENGAGEMENT = markerPattern(
  [
    `aw+`, `oh no`, `sorry`, `poor (?:you|thing|baby)`,
    `that (?:sucks|sounds (?:hard|awful|rough|tough|terrible|great|amazing|fun|exciting))`,
    `i'm here`, `hugs?`, `take care`, `hope you`, `get some rest`, `you deserve`, `congrat(?:s|ulations)`, `proud of you`,
    `(?:that's|that is|so) (?:amazing|awesome|great|wonderful|exciting|huge|fantastic|cool)`,
    `wow`, `no way`, `really\\?`, `i know the feeling`, `i love (?:that|it|this)`,
    `that's (?:so )?(?:sweet|cute|lovely|exciting)`, `me too`, `same here`, `you (?:got|can do) this`, `good luck`, `yay`,
    `how come`, `what happened`, `how (?:so|did it go|was it)`, `tell me (?:more|everything)`, `(?:and )?then what`,
    `are you (?:ok|okay|alright|sure)`, `what do you mean`,
  ],
  [
    '🫂', '🤗', '抱抱', '心疼', '辛苦了', '怎么了', '咋了', '没事吧', '别难过', '别担心', '加油', '好好休息', '早点睡', '注意身体', '摸摸', '太棒了', '恭喜', '厉害', '真的吗',
    '然后呢', '后来呢', '怎么回事', '怎么样', '啥情况', '哇', '天哪', '我懂', '我理解', '为你骄傲', '我也是',
  ],
);

/** Turning against a bid by brushing it off (Gottman's "turning against": dismissive, belittling). */
export const DISMISSIVE = markerPattern(
  [
    `who cares`, `so what`, `big deal`, `(?:i )?don't care`, `whatever`, `not my problem`, `your problem`, `deal with it`,
    `get over it`, `tmi`, `why are you telling me`, `^[\\s\\p{P}]*and\\?`,
  ],
  [
    '关[我你](?:什么|屁)事', '随便你', '那又怎(?:么)?样', '谁在乎', '跟我有什么关系', '与我无关', '我不在乎', '管你', '爱咋咋地', '无所谓',
    '^[\\s\\p{P}]*所以呢[\\s\\p{P}]*$',
  ],
);

/** A reply that is only a yes or a no: it answers a yes/no question or an invitation, not an open question or a feeling. */
export const YES_NO_REPLY = wholeMessagePattern(
  ['ye+s+', 'yea+h*', 'yep', 'yup', 'no+', 'nope', 'nah', 'sure', 'of course', 'definitely', 'maybe', 'probably', 'not really'],
  ['是', '是的', '对', '没有', '没', '不是', '好', '好的', '可以', '行', '要', '不要', '会', '不会', '想', '不想', '有', '当然'],
);

/** A reply that only acknowledges ("ok", 嗯): enough for news, an invitation or a disclosure, not for a question or a feeling. */
export const ACK_REPLY = wholeMessagePattern(
  ['ok', 'okay', 'k', 'kk', 'fine', 'mhm', 'mm', 'hm+', 'right', 'cool', 'nice', 'noted', 'got it', 'alright', 'i see', 'oh'],
  ['嗯+', '哦+', '噢', '喔', '知道了', '好吧', '行吧'],
);

/** A reply that declines to engage: "idk", "later", 不知道, 再说吧 (a deferral), 随便. */
export const NON_ANSWER = wholeMessagePattern(
  ['idk', 'dunno', "i don't know", 'no idea', 'nothing', 'whatever you want', 'nothing to say', 'later', 'busy'],
  ['不知道', '没什么', '没什么好说的', '再说吧?', '改天吧?', '以后再说吧?', '随便', '忙'],
);

/** A statement that opens with a yes or a no answers a yes/no question ("yeah, they called", "can't, work thing", 有一道题…). */
export const YES_NO_OPENING = markerPattern(
  [`^[\\s\\p{P}]*(?:ye+s+|yea+h*|yep|yup|no+|nope|nah|sure|of course|definitely|absolutely|not really|maybe|probably|i (?:don't )?think so|(?:i )?(?:can't|cannot|won't|will|can|do|don't|did|didn't))`],
  [`^[\\s\\p{P}]*(?:是|对|没|不|好|可以|会|要|想|有|当然|嗯|还好|还行|也许|可能|大概|行)`],
);

/** Asking back: "and you?", "what about you?", 你呢. */
export const ASK_BACK = markerPattern(
  [`(?:and|how about|what about) (?:you|u)`, `^[\\s\\p{P}]*you\\s*[?？]`],
  ['你(?:今天|最近|那边)?呢', '你(?:今天|最近)?怎么样'],
);

/** Function words that do not make two messages about the same thing when both use them. */
export const STOPWORDS = new Set([
  'the', 'and', 'but', 'you', 'your', 'yours', 'that', 'this', 'with', 'for', 'are', 'was', 'were', 'have', 'has', 'had',
  'not', 'just', 'what', 'how', 'why', 'when', 'where', 'who', 'which', 'about', 'from', 'they', 'them', 'their', 'there',
  'here', 'then', 'than', 'too', 'very', 'really', 'been', 'being', 'will', 'would', 'can', 'could', 'should', 'did',
  'does', "don't", "didn't", "it's", "that's", "i'm", "i've", "i'll", "you're", "can't", 'yeah', 'yes', 'okay', 'lol',
  'haha', 'also', 'some', 'any', 'all', 'get', 'got', 'one', 'our', 'out', 'now', 'like', 'know', 'think', 'going',
  'gonna', 'want', 'wanna', 'good', 'well', 'much', 'more', 'she', 'him', 'her', 'his', 'its', 'into', 'over', 'mine',
  '我们', '你们', '他们', '什么', '怎么', '因为', '所以', '但是', '可是', '然后', '现在', '这个', '那个', '就是', '还是',
  '已经', '没有', '不是', '可以', '知道', '觉得', '一下', '一个', '这样', '那样', '哈哈', '真的', '还有', '自己',
  // Time words: "today" in both messages does not make the reply about the bid.
  'today', 'tonight', 'tomorrow', 'yesterday', '今天', '明天', '昨天', '晚上', '今晚', '周末',
]);
