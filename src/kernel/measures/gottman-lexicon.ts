/**
 * Word lists for Gottman's conflict markers: the Four Horsemen (criticism, contempt,
 * defensiveness, stonewalling) and repair attempts (Gottman 1994, "What Predicts Divorce?";
 * Gottman & Silver 1999). Stated heuristics, not a model: each list says what it is meant to
 * catch. English entries are whole words (see marker-pattern.ts for the small syntax);
 * Chinese entries are substrings, each guarded where it also starts an unrelated word.
 */
import { markerPattern, wholeMessagePattern } from './marker-pattern';

const ADJ_CHARACTER =
  '(?:selfish|lazy|inconsiderate|careless|irresponsible|thoughtless|immature|insensitive|useless|hopeless|unreliable|self-cent(?:er|re)d|self-absorbed|controlling|needy|clingy|rude|mean|stubborn|impossible|ungrateful|childish|flaky|cheap|unbelievable|heartless|manipulative)';
const INTENSIFIERS = '(?:(?:so|such|just|really|being|too|very|completely|totally|always|the most|a) )*';

/**
 * Criticism, direct: an attack on the partner's character rather than a complaint about one
 * act (Gottman's first horseman). Counted whatever the tone: "what's wrong with you" is never
 * praise.
 */
export const CRITICISM = markerPattern(
  [
    `what's (?:[a-z]+ )?wrong with you`, `what is (?:[a-z]+ )?wrong with you`, `you(?:'re| are) ${INTENSIFIERS}${ADJ_CHARACTER}`,
    `you only (?:care|think) about yourself`,
    `you don't (?:even |actually |really )?care(?: about (?:me|us|anyone|anything))?`,
    `you can't (?:even )?do anything right`, `can't you do anything right`, `why are you (?:always |so )?like this`,
    `why can't you (?:ever|just)`, `typical you`, `so typical of you`, `there you go again`, `you're the problem`,
    `you're just like your (?:mother|father|mom|mum|dad)`,
    `what kind of (?:person|man|woman|partner|boyfriend|girlfriend|husband|wife) (?:does|would)`,
  ],
  [
    '你就是这样', '你(?:这个人|这人)(?:怎么|就是|真是|太|总|永远|一点|根本|真)', '你连[^，。！？,!?]{1,10}都(?:没|不)', '一点(?:责任心|良心|责任感|担当)都没有',
    '你(?:就是|真是|也太|太|真|好|这么|那么|怎么这么|很)(?:自私|懒|冷漠|幼稚|不负责任?|不靠谱|没良心|小气|无情|粗心|不体贴|难搞|不讲理|霸道|虚伪|自以为是|过分|不可理喻)',
    '你根本(?:就)?(?:不|没)(?:在乎|关心|爱|听|尊重|考虑|理解|懂)', '你一点都?不(?:在乎|关心|体贴|尊重|考虑|理解|懂事)', '你(?:就|只)(?:知道|会|顾|在乎|关心)(?:你)?自己',
    '你到底(?:怎么回事|有没有|在不在乎)', '你就不能', '你能不能(?:别再|不要再|有点)',
  ],
);

/**
 * Criticism by generalisation: "you always / you never" turns one lapse into a trait. It is
 * also how people praise ("you always make me laugh"), so these count only when the message
 * is not clearly positive and matches no WARM_GENERALISATION (gottman-markers.ts). The lookbehind
 * drops neutral questions and conditionals ("do you always…", "as you always say"); the
 * Chinese lookahead drops yes/no questions ("你从来没去过北京吗").
 */
export const GENERALISATION = markerPattern(
  [
    `(?<!(?:do|did|don't|if|as|like|when|how|will|would|can|could|hope|wish) )you (?:always|never)(?! (?:know|mind)(?![a-z]))`,
    `you(?:'re| are) (?:always|never)`, `(?:every|each) (?:single )?time you`, `why do you (?:always|never)`,
    `you (?:don't|can't|won't) ever`,
  ],
  [
    '你就知道(?![^。！!？?，,]*[吗嘛])',
    '(?:你(?:总是|总(?:不|没|这样|那样|忘|觉得|拿|把|在)|老是|老(?:不|没|这样|忘)|每次都|每回都|从来都?(?:不|没)|永远都?(?:不|没|是|这样|学不会)|怎么(?:总|老|又|每次)|又(?:忘|迟到|这样|来了|不|没))|每次你都)(?![^。！!？?，,]*[吗嘛])',
  ],
);

/** Generalisations that are praise, not criticism: "you always know what to say", "你总是让我开心". */
export const WARM_GENERALISATION = markerPattern(
  [
    `you (?:always|never) (?:fail to|cease to|disappoint|let me down)`,
    `you always (?:make me (?:laugh|smile|happy|feel)|know (?:how|what|just)|look|have my back|cheer me|brighten|manage|find a way|remember|take care|support|help|listen|understand|get me|believe in|come through|surprise)`,
    `you never (?:stop|fail)`,
    `you(?:'re| are) always (?:so )?(?:there|kind|sweet|thoughtful|patient|supportive|helpful|right|honest|good|the best|generous|fun|lovely|amazing|beautiful|cute)`,
    `you(?:'re| are)? (?:always|never fail to) (?:[a-z]+ ){0,3}(?:great|amazing|wonderful|perfect|awesome|beautiful|lovely|so good|the best|brilliant|kind|sweet)`,
  ],
  [
    // Praise within a short clause after the generalisation, with no 不 / 没 in between.
    '你(?:总是|总|每次都|永远|从来都|一直)[^，。！？!?,不没]{0,6}(?:好|棒|温柔|体贴|细心|可爱|懂我|耐心|厉害|优秀|开心|笑|安心|感动|放心|温暖|照顾|支持|陪)',
    '你从来都?(?:不会)?(?:不让我|让我)?失望',
  ],
);

const INSULTS =
  '(?:idiot|moron|loser|jerk|asshole|arsehole|bitch|dumbass|imbecile|dipshit|clown|psycho|slob|brat|crybaby|liar|coward|piece of shit|control freak|drama queen|narcissist|stupid|dumb|pathetic|ridiculous|disgusting|worthless|brainless|clueless|spineless|embarrassing)';

/**
 * Contempt, always: insults and name-calling aimed at the partner, mockery, and the markers
 * of superiority Gottman found the strongest predictor of breakup — eye-rolls (🙄 😒 🙃),
 * "whatever you say", "yeah right", "happy now?". 呵呵 counts here only as a whole message or
 * its opening ("呵呵，我唠叨？"), where it reads as a cold sneer in Chinese chat, not a laugh;
 * 切 only as a message's opening scoff ("切，谁稀罕"), not in 切菜. 有病 / 滚 / 垃圾 / 恶心 only
 * aimed at 你 or standing alone, not "我有病了", "滚动".
 */
export const CONTEMPT = markerPattern(
  [
    `you(?:'re| are)? ${INTENSIFIERS}(?:an? )?(?:complete |total |fucking |fking |literal )?${INSULTS}`,
    `you(?:'re| are) ${INTENSIFIERS}(?:an? )?(?:failure|joke)`,
    // The word first, then the look back at the comma before it: a lookbehind that opens an
    // alternative runs at every position of every message.
    `(?:idiot|moron|dumbass|loser|jerk|stupid|genius|einstein|sherlock)(?<=[,，]\\s*[a-z]+)`,
    `are you (?:stupid|dumb|an idiot|deaf|blind)`, `how (?:stupid|dumb|dense|pathetic) (?:are you|can you be)`,
    `you (?:disgust me|make me sick)`, `what an? (?:idiot|loser|joke|moron)`,
    `yeah,? right(?! (?:now|there|here|away|after|before|back|next|turn|side|on|at|to|in)(?![a-z]))`,
    `whatever you say`, `^\\s*lol,? (?:ok|okay|k)[\\s\\p{P}]*$`, `as if i (?:care|would)`, `get a life`, `grow up`,
    `get over yourself`, `(?:who|nobody) asked`, `(?:so|how) mature`,
    `real (?:impressive|smart|clever|mature|nice|cute|original)`,
    `(?:want|deserve|get) a (?:medal|cookie|trophy|gold star|prize)`,
    `must be (?:so |really )?(?:hard|tough|nice) being you`, `happy now\\s*[?？]`, `cry me a river`, `boo hoo`, `in your dreams`,
    `thanks for nothing`, `sure,? jan`,
  ],
  [
    '🙄', '😒', '🙃', '🖕', '白痴', '蠢货', '蠢猪', '猪脑子', '脑残', '智障', '废物', '傻逼', '傻[bB]', '煞笔', '神经病', '你(?:才|是不是|真)?有病|有病吧|有病啊',
    '你(?:这个|个|真是个|就是个)(?:笨蛋|傻瓜|傻子|蠢货)', '给你颁个?奖', '(?:满意|开心|高兴)了(?:吧|吗)', '滚(?:开|蛋|出去|远点)|你滚|^[\\s\\p{P}]*滚[\\s\\p{P}]*$', '去死',
    '你(?:真|好|太)?恶心', '不要脸', '算什么东西', '你算什么', '你(?:也)?配(?:吗|吧)?[?？!！]', '你以为你是谁', '谁稀罕', '你(?:真|就是个?|是个?)?垃圾', '没出息', '窝囊废',
    '你行你上', '呵呵哒', '^[\\s\\p{P}]*呵{2,}(?:[\\s\\p{P}]|$)', '^[\\s\\p{P}]*切(?:[\\s\\p{P}~～]|$)',
  ],
);

/**
 * Contempt that needs a sour context: sarcastic praise ("oh great", "nice job", "genius",
 * "poor you", 你可真厉害, 真行) and 呵呵 inside a message. Counted when the message is negative
 * or carries a SARCASM_CUE. A bare 笨蛋 / 傻瓜 is in no list: couples use them fondly
 * ("跟我还客气啥呀傻瓜"); "你这个笨蛋" is in CONTEMPT.
 */
export const SARCASM_PRONE = markerPattern(
  [
    `oh (?:great|wonderful|perfect|fantastic|brilliant|joy|goody)`,
    `(?:great|nice|good) (?:job|work|going|one)`, `way to go`, `well done`, `bravo`, `genius`, `thanks a lot`,
    `(?:real|very|so) (?:smart|funny|clever)`, `good for you`, `poor you`, `congrat(?:s|ulations)`,
    `shut (?:the (?:fuck|hell) )?up`, `(?:i'm|i am) so impressed`, `(?:big|what a) surprise`, `how original`,
  ],
  [
    '呵{2,}', '真行', '你可?真(?:厉害|行|棒|聪明|能干|有本事|会)', '好棒棒', '厉害了', '了不起', '真有你的', '天才', '闭嘴', '服了你', '我服了', '佩服佩服', '谢谢你啊',
  ],
);

/** What flips sarcasm-prone words into sarcasm inside one message: the lapse being mocked. */
export const SARCASM_CUE = markerPattern(
  [`again`, `as usual`, `another`, `thanks to you`, `forg[eo]t(?:ten)?`, `ruin(?:ed|s)?`, `late`, `broke`, `lost`, `messed up`],
  ['🙄', '😒', '🙃', '又', '再次', '每次', '搞砸', '忘了', '迟到', '多亏了你', '拜你所赐', '托你的福'],
);

/**
 * Defensiveness, always: counter-blame and denial of responsibility — "what about you",
 * "it's not my fault", 你怎么不说你自己, 我也没办法 (Gottman's third horseman: the speaker
 * turns the complaint back on the partner or casts themselves as the innocent victim).
 */
export const DEFENSIVE = markerPattern(
  [
    `not my fault`,
    `(?:that's|it's|that is|it is) (?:only |just )?because (?:of )?you`,
    `because you (?:always|never|didn't|don't|were|made)`,
    // "what about you?" asked back is interest, not counter-blame.
    `what about (?:when you|the time you|you(?!\\s*[?？]))`, `you're one to talk`, `look who's talking`, `you started it`,
    `you(?:'re| are) the one who`, `(?:it's|it is|that's) (?:all )?your fault`, `that's on you`, `(?:don't|stop) blaming me`,
    `don't blame me`, `why are you blaming me`, `why is it always (?:me|my fault)`,
    `i(?:'m not| am not| wasn't| was not) the one`, `i never said`, `i didn't say that`, `that's not what i (?:said|meant)`,
    `you're (?:overreacting|twisting my words)`, `i (?:did|didn't do) (?:nothing|anything) wrong`,
    `i was (?:only|just) trying to`, `how (?:was i supposed to|should i have|would i) know`,
  ],
  [
    '不是我的错', '不怪我', '怪我咯', '怪我喽', '那是因为你', '还不是因为你', '都是因为你', '都怪你', '你怎么不说说?你自己', '说得好像你', '你(?:还)?好意思说', '你自己(?:还|不也|呢|也不)',
    '我哪有', '我又没', '我也没办法', '我有什么办法', '我怎么知道', '我哪知道', '我(?:没|没有)说过', '我什么时候说过', '我不是那个意思', '你想多了', '是你先',
  ],
);

/**
 * Defensiveness only as a reply to a complaint: excuses and denials (Gottman's third horseman
 * again, the innocent-victim stance) that are ordinary news elsewhere ("I was busy", "I didn't
 * sleep well", 我只是…).
 */
export const EXCUSE = markerPattern(
  [
    `i didn't`, `i did not`, `i wasn't`, `i was not`, `i(?:'m| am) not`, `i(?: was|'ve been) (?:just |really |so |too )?busy`,
    `i was (?:going to|gonna|just)`, `i (?:had to|tried|only|meant to|thought you)`, `i couldn't help it`, `i had no choice`,
    `i forgot`, `it wasn't`, `(?:that's |that is )?not (?:true|fair)`, `(?:but|well),? i`, `you (?:didn't|never) tell me`,
    `nobody told me`, `it was an accident`,
  ],
  [
    '我没有', '我没(?:说|做|想|忘|看到|注意|空|时间)', '我只是', '我也是(?:为了|没办法|为你)', '我(?:很|太|在|一直在?|最近)?忙', '我当时', '我以为', '我不是故意的', '不是这样的', '我也不想',
    '我本来(?:想|要|打算)', '我又不知道', '你又没(?:说|告诉)',
  ],
);

/**
 * Stonewalling, the reply that says nothing (Gottman's fourth horseman: the listener withdraws
 * instead of engaging). A whole message of these, or a trailing-off "…", after a complaint.
 */
export const MINIMAL_REPLY = wholeMessagePattern(
  [
    'fine', 'ok', 'okay', 'k', 'kk', 'whatever', 'sure', 'mhm', 'mm', 'hm+', 'yeah', 'yep', 'yup', 'right', 'cool', 'noted', 'got it',
    'if you say so', 'alright', 'nvm', 'never\\s*mind', 'forget it', 'idk', 'dunno', "i don't know", 'no idea', 'whatever you want',
  ],
  ['嗯+', '哦+', '噢', '喔', '呃', '不知道', '随便', '随你便?', '好吧', '行吧', '行', '好', '好的', '知道了', '无所谓', '算了', '…+', '\\.{2,}', '。+'],
);

/**
 * Stonewalling announced in words: leaving the topic ("anyway", "by the way", 对了, 换个话题 as
 * a message's opening) or refusing to go on ("I don't want to talk about it", 懒得跟你说).
 */
export const WITHDRAWAL = markerPattern(
  [
    `^[\\s\\p{P}]*(?:anyway|anyways|moving on|btw|by the way)`,
    `(?:let's )?(?:change the subject|talk about something else)`,
    `i don't want to talk about (?:it|this)`, `i'm done(?: talking)?`, `not now`, `i can't do this`, `forget it`,
    `nothing (?:more )?to say`,
  ],
  ['^[\\s\\p{P}]*(?:对了|换个话题)', '不说这个了', '不想(?:说|谈|聊)了', '我不想(?:说|谈|聊)', '懒得(?:说|理你|跟你说|吵)', '不聊了', '随便你', '没什么好说的'],
);

/**
 * Repair attempts that are de-escalation on their face (Gottman's repair attempts: "let's
 * calm down", "can we start over", taking a break, owning a mistake), counted anywhere.
 */
export const REPAIR = markerPattern(
  [
    `let's (?:both )?(?:calm down|not fight|stop (?:fighting|arguing)|take a (?:break|breath|step back)|start over|talk about it|try again|make up|figure this out|work (?:this|it) out)`,
    `can we (?:please )?(?:calm down|start over|not fight|stop (?:fighting|arguing)|take a (?:break|breath)|try again|just talk)`,
    `i see (?:your point|what you mean)`, `i hear you`, `i understand (?:why|how|that you|what you)`, `i was wrong`,
    `i don't want to (?:fight|argue)`, `we're (?:on the same team|in this together)`, `(?:no hard feelings|truce)`,
  ],
  [
    '(?:我们)?别吵了', '不吵了', '冷静(?:一下|点)', '我们好好(?:说|谈|聊)', '好好说', '我错了', '(?<!不)是我不(?:对|好)', '(?<!不是)我的错', '和好吧', '别生气了', '不生气了',
    '我理解你', '我(?:明白|懂)你的意思', '休息一下', '重新来',
  ],
);

/**
 * Repair attempts that only repair inside a conflict: an apology, conceding ("you're right"),
 * affection ("I love you"), or humour (laughter, "jk", 开玩笑) in the middle of a fight. The
 * same words in a calm chat are ordinary warmth, counted by the warmth markers instead.
 */
export const REPAIR_IN_CONFLICT = markerPattern(
  [
    `(?<!not )sorry(?! (?:you feel|if you feel|you think))`, `i apologi[sz]e`, `apologies`, `my bad`, `forgive me`,
    `you(?:'re| are) right`, `that's fair`, `fair (?:enough|point)`, `good point`, `(?<!(?:n't|not|never) )(?:i )?love you`,
    `i get it`, `you win`, `jk`, `just kidding`,
  ],
  ['😅', '对不起', '抱歉', '不好意思', '你说的?得?对', '有道理', '我爱你', '(?<![不没可])爱你', '好啦好啦', '好了好了', '原谅我', '开玩笑', '逗你的'],
);

/** Speaking to the partner: "you" (not the filler "you know"), 你 / 您. */
export const SECOND_PERSON = markerPattern([`(?:you(?! know)|your|yours|yourself|u|ur)`], ['你', '妳', '您']);

/** Sympathy, which makes a strongly negative message to the partner comfort rather than an outburst. */
export const SYMPATHY = markerPattern(
  [`sorry`, `poor (?:thing|baby)`, `(?:that's|that is|how) (?:terrible|awful|horrible|sad)`, `hugs?`],
  ['对不起', '抱歉', '心疼', '抱抱', '别难过', '🫂'],
);
