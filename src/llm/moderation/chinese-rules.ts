import { anyOf, near, rule, type PatternRule } from './pattern-rule';

/*
 * Chinese patterns, written in simplified characters (Traditional text is folded before
 * matching) and without spaces. Hyperbole with 死 ("笑死", "累死了", "想死你了") is removed by
 * the benign idioms before these run, so a bare 想死 here means what it says.
 */

const GROUPS = anyOf(
  '黑人', '黑鬼', '穆斯林', '回民', '同性恋', '基佬', '犹太人', '女人', '男人', '日本人', '韩国人', '印度人',
  '外地人', '河南人', '东北人', '新疆人', '维吾尔人', '藏人', '残疾人', '穷人', '农村人', '乡下人', '女的', '男的',
  '跨性别者?', '大陆人', '香港人', '台湾人', '外国人',
);
const MINOR = anyOf(
  '(?<![0-9一二三四五六七八九十百])(?:[1-9]|1[0-7]|十[一二三四五六七]?|[一二三四五六七八九])岁',
  '未成年', '幼女', '萝莉', '正太', '小学生', '初中生', '小女孩', '小男孩', '儿童', '女童', '男童',
);
const SEXUAL_ACT = anyOf(
  '做爱', '性交', '上床', '裸照', '裸体', '脱光', '色情', '黄片', '黄图', '约炮', '开房', '口交', '发生关系', '性关系',
  '强奸', '猥亵', '摸(?:她|他)?的?(?:胸|下面|私处|屁股)', '睡了(?:她|他)', '啪啪', '性感照',
);
const KILL_VERB = anyOf('杀了', '杀死', '宰了', '弄死', '整死', '砍死', '捅死', '毒死', '勒死', '烧死');
const SELF_HARM_METHOD = anyOf('跳楼', '跳河', '跳桥', '跳海', '卧轨', '上吊', '割腕', '吃安眠药', '烧炭', '服毒', '喝农药');

export const CHINESE_RULES: readonly PatternRule[] = [
  // self-harm/intent
  rule('zh.dont-want-to-live', 'self-harm/intent', 0.9, /不(?:太)?想(?:再)?(?:这样|这么|继续|像这样)?活(?!动|跃|泼|儿)|活不下去/),
  rule('zh.want-suicide', 'self-harm/intent', 0.9, /(?:想|要|准备|打算|决定|计划|想要|想到|想过|考虑)(?:去)?(?:自杀|自尽|轻生|寻死|了结自己|结束自己|自我了断)/, { negatable: true }),
  // "你想死啊" is a scolding ("asking for it?"), said about someone else, not a wish of one's own.
  rule('zh.want-to-die', 'self-harm/intent', 0.8, /(?<![理梦思感回联幻猜预构着你您他她]|你是不是|你是)想(?:去)?死|求死/, { negatable: true }),
  rule('zh.asking-for-it', 'harassment', 0.2, /(?:你|你是不是)想死(?:啊|吗|呀|是吧|是不是)?/),
  rule('zh.life-meaningless', 'self-harm/intent', 0.8, /活着(?:真|真的|好|太|都|也|还|实在)?(?:没(?:有)?(?:任何|一点|什么)?意(?:思|义)|有什么意思|有什么意义|没劲|是种折磨|是一种折磨|毫无意义|好痛苦|太痛苦)/),
  rule('zh.life-tiring', 'self-harm/intent', 0.55, /活着(?:真|真的|好|太)?(?:累|好累|太累)/),
  rule('zh.better-dead', 'self-harm/intent', 0.85, /(?:不如|还不如|干脆)(?:去)?死了?(?:算了)?|死了算了|一死了之|死了(?:就)?一了百了/),
  rule('zh.end-it', 'self-harm/intent', 0.55, /一了百了/),
  rule('zh.leave-world', 'self-harm/intent', 0.75, /(?:离开|告别)(?:这个)?(?:世界|人世|人间)|结束(?:自己的|我的)?生命|了结(?:自己|我自己)(?:的生命)?/, { negatable: true }),
  rule('zh.end-everything', 'self-harm/intent', 0.8, /(?:想|要|准备|打算|决定)(?:就)?(?:结束|了结)(?:掉)?(?:这一切|一切|自己|这条命|我的命)/, { negatable: true }),
  rule('zh.jump-down', 'self-harm/intent', 0.8, /(?:想|要|准备|打算)(?:从|在)?[^]{0,4}(?:楼上|楼顶|天台|桥上|窗户|窗口|阳台|顶楼)(?:上)?跳下去/, { negatable: true }),
  rule('zh.burden', 'self-harm/intent', 0.6, /活着(?:就是|只是|也是)(?:个|一个)?(?:累赘|负担|多余)|我(?:就是|只是|是)(?:个|一个)?(?:累赘|多余的人)|我是多余的/),
  rule('zh.method-intent', 'self-harm/intent', 0.85, new RegExp(`(?:想|要|准备|打算|决定)(?:去)?${SELF_HARM_METHOD}`), { negatable: true }),
  rule('zh.suicide-slang', 'self-harm/intent', 0.8, /(?:想|要|去)(?:紫砂|自鲨|zi ?sha|自sha|zi杀|紫杀)|想s(?:i|4)\b/),
  rule('zh.go-die-myself', 'self-harm/intent', 0.6, /我(?:现在)?(?:就)?去死/),
  rule('zh.suicide-note', 'self-harm/intent', 0.8, /(?:写|写好|准备|留)(?:了|好)?(?:一封)?遗书/),
  rule('zh.world-better-without-me', 'self-harm/intent', 0.75, /没有我(?:大家|你们|他们|世界|这个世界)?(?:都)?(?:会)?更好|我(?:不如|还不如)?消失(?:算了|好了)/),
  rule('zh.never-wake', 'self-harm/intent', 0.7, /不想(?:再)?醒来|(?:希望|但愿|真想)[^]{0,6}再也不(?:要)?醒(?:来)?/, { negatable: true }),
  rule('zh.never-wake-up', 'self-harm/intent', 0.75, /(?:想|希望|但愿|真想)(?:就这样)?(?:一睡不醒|长眠不醒|睡着了?(?:就)?再也不醒)/, { negatable: true }),
  rule('zh.never-wake-up-mention', 'self-harm/intent', 0.4, /一睡不醒/),
  rule('zh.better-if-i-died', 'self-harm/intent', 0.75, /我死了[^]{0,6}?(?:都会|会|就|都)?(?:轻松|解脱|开心|高兴|更好|好过)/),
  rule('zh.cant-hold-on', 'self-harm/intent', 0.35, /(?:撑|熬|坚持)不下去了/),
  rule('zh.suicide-mention', 'self-harm', 0.3, /自杀|轻生|寻死|自尽/, { negatable: true }),

  // self-harm (acts)
  rule('zh.took-pills', 'self-harm', 0.8, /(?:吞|吃)了(?:一整瓶|一瓶|整瓶|一把|好多|很多|一堆|几十|[1-9][0-9]+)(?:片|颗|粒)?(?:的)?(?:安眠药|药|泰诺|扑热息痛|止痛药|药片)/),
  rule('zh.stockpile-pills', 'self-harm/intent', 0.6, /(?:买|囤|攒|存)了?(?:一瓶|一整瓶|好多|很多|一堆|几瓶|[1-9][0-9]+片)(?:的)?安眠药/),
  rule('zh.self-harm', 'self-harm', 0.7, /自残|自伤|割腕|割手|划手|划自己|伤害自己|割自己|烫自己|掐自己/, { negatable: true }),

  // self-harm/instructions
  rule('zh.how-to-die', 'self-harm/instructions', 0.9, /(?:怎么|怎样|如何|用什么方法|哪种方法|有什么方法|最好的方法|最快的方法|什么办法)(?:才能|可以|能)?(?:自杀|自尽|轻生|割腕|上吊|烧炭|死)(?!机|的|了|掉|定|磕|活|心|党|鬼|相|宅|板|皮|循环)/),
  rule('zh.suicide-method', 'self-harm/instructions', 0.85, /(?:自杀|自尽)(?:的)?(?:方法|方式|办法|教程)|(?:死|去死)的?(?:最)?(?:好|快|简单|无痛)的?(?:方法|办法)|(?:无痛|不痛苦|没有痛苦)(?:地|的)?(?:自杀|死|死法|离开)/),
  rule('zh.lethal-dose', 'self-harm/instructions', 0.9, /(?:吃|吞)(?:多少|几)(?:片|颗|粒|瓶)?(?:安眠药|药|泰诺|扑热息痛|布洛芬)[^]{0,4}(?:死|致死|没命)/),
  rule('zh.lethal-dose-term', 'self-harm/instructions', 0.6, /致死(?:剂)?量/),

  // harassment/threatening
  rule('zh.kill-you', 'harassment/threatening', 0.8, new RegExp(`${KILL_VERB}(?:你|你们)`), { negatable: true }),
  rule('zh.beat-you-to-death', 'harassment/threatening', 0.4, /(?:打死|掐死|干掉)(?:你|你们)/, { negatable: true }),
  rule('zh.kill-them', 'harassment/threatening', 0.7, new RegExp(`(?:想|要|真想|恨不得|准备|打算|会)${KILL_VERB}(?:他|她|他们|她们|前任|老板|前男友|前女友|老公|老婆|所有人|全家)`), { negatable: true }),
  rule('zh.kill-family', 'harassment/threatening', 0.95, /(?:杀|灭|弄死)你(?:全家|一家|家人|爸妈|父母)|等着(?:给你)?收尸/),
  rule('zh.know-where-you-live', 'harassment/threatening', 0.65, /知道你(?:家)?住(?:在)?(?:哪|哪里|哪儿)/),
  rule('zh.acid', 'harassment/threatening', 0.85, /(?:泼|拿|用)(?:你|他|她)?(?:一脸)?硫酸/),
  rule('zh.mass-attack', 'harassment/threatening', 0.9, /(?:炸了|炸掉|血洗|扫射|屠了)(?:学校|商场|公司|医院|地铁|教堂|清真寺|幼儿园)|报复社会/),
  rule('zh.pay-the-price', 'harassment/threatening', 0.4, /让你(?:全家)?(?:付出代价|不得好死|生不如死)|你死定了/),

  // harassment
  rule('zh.why-dont-you-die', 'harassment', 0.55, /(?:你|你们)(?:怎么|咋|为什么)?(?:还)?不(?:去)?死|(?:你|你们)(?:快|赶紧|就)?(?:去)?死(?:吧|去吧)/),
  rule('zh.go-die', 'harassment', 0.45, /(?<!我)(?<!我就)(?<!我现在就)去死/),
  rule('zh.mother-insult', 'harassment', 0.45, /(?:操|草|艹|肏|(?<![今昨明前后每节生当末周假平近往翌次某同白落夏春秋冬红向旭元早那这整终])日|干)(?:你|尼|泥)(?:妈|马|娘|祖宗|全家|大爷|老母)|\bcnm\b|你妈(?:逼|b)/),
  rule('zh.mother-dead', 'harassment', 0.55, /\bnmsl\b|你(?:全家|妈|妈妈)(?:都)?死了/),
  rule('zh.slut', 'harassment', 0.4, /贱人|贱货|婊子|骚货|荡妇|贱婊|绿茶婊|母狗|狗娘养的|杂种|狗杂种/),
  rule('zh.idiot', 'harassment', 0.3, /傻逼|煞笔|沙比|傻b|傻屄|\bsb\b|王八蛋|畜生/),
  rule('zh.mild-insult', 'harassment', 0.15, /脑残|智障|废物|人渣|蠢货|白痴/),
  rule('zh.you-are-trash', 'harassment', 0.35, /你(?:就是|真是|是|这个)(?:个|一个)?(?:死|臭|烂|贱)?(?:废物|垃圾|人渣|贱人|蠢货|败类|窝囊废)/),
  rule('zh.nobody-loves-you', 'harassment', 0.45, /(?:没人|没有人|谁都不)(?:会)?(?:爱|要|喜欢)你/),
  rule('zh.you-deserve-death', 'harassment', 0.35, /你(?:真|就)?该死/),
  rule('zh.curse-you', 'harassment', 0.55, /(?:你|你们|你全家|你一家)(?:都|会|就|一定|迟早)?不得好死/),
  rule('zh.curse', 'harassment', 0.3, /不得好死/),

  // hate
  rule('zh.slur', 'hate', 0.85, /支那|黑鬼|黑蛆|犹太猪|高丽棒子|棒子国/),
  rule('zh.slur-lesser', 'hate', 0.55, /尼哥|日本鬼子|小日本|死基佬|绿教|大陆蝗虫|蝗虫滚/),
  rule('zh.slur-ambiguous', 'hate', 0.3, /阿三|基佬|娘炮|人妖/),
  rule('zh.dehumanise-group', 'hate', 0.8, new RegExp(`${GROUPS}(?:都是|全是|就是|全都是|都|全都)(?:畜生|蛆|劣等|低等|蟑螂|寄生虫|猴子|禽兽|不是人|恐怖分子|强奸犯|病毒|瘟疫|杂种|贱种|下等人|贱货|婊子|贱人|母狗)`)),
  rule('zh.disparage-group', 'hate', 0.3, new RegExp(`${GROUPS}(?:都是|全是|就是|都|全都)(?:垃圾|猪|狗|大猪蹄子|渣|渣男|骗子|坏人|贱|变态|恶心|有病)`)),
  rule('zh.eliminate-group', 'hate', 0.9, new RegExp(`(?:杀光|杀绝|灭绝|消灭|清除|赶尽杀绝|赶出去|滚出)(?:所有|全部)?(?:的)?${GROUPS}|${GROUPS}[^]{0,12}?(?:该死|去死|死光|死绝|滚出|杀光|杀绝|灭绝|赶尽杀绝)`)),

  // violence
  rule('zh.eliminate-group-violence', 'violence', 0.6, new RegExp(`(?:杀光|杀绝|灭绝|赶尽杀绝)(?:所有|全部)?(?:的)?${GROUPS}`)),
  rule('zh.graphic', 'violence', 0.55, /分尸|碎尸|肢解|斩首|砍头|剥皮|开膛|血肉模糊|灭门|虐杀|虐猫|虐狗|虐待动物|活埋/),
  rule('zh.beat-to-death', 'violence', 0.6, /(?:把|将)(?:他|她|他们|它|那个人)(?:活活)?(?:打|砍|捅|掐|踢)(?:到|得)?(?:死|残|半死|昏)/),
  rule('zh.murder-mention', 'violence', 0.3, /杀人|屠杀/),

  // sexual
  rule('zh.explicit-act', 'sexual', 0.75, /口交|肛交|乳交|深喉|颜射|内射|中出|群交|\b3p\b|舔(?:我|你)的?(?:下面|鸡巴|小穴|奶子)/),
  rule('zh.explicit-anatomy', 'sexual', 0.5, /鸡巴|鸡吧|肉棒|小穴|骚穴|淫水|骚逼|奶子|龟头/),
  rule('zh.medical-anatomy', 'sexual', 0.2, /阴茎|阴道|乳头|奶头|阴蒂|屁眼/),
  rule('zh.fuck-me', 'sexual', 0.7, /(?:操|干|肏|日)(?:我|死我|烂我)(?:吧|啊|好不好|用力|狠狠)|(?:用力|狠狠|使劲)(?:地)?(?:操|干|肏)(?:我|你)/),
  rule('zh.sex', 'sexual', 0.4, /做爱|打炮|约炮|啪啪啪|性交|淫荡|淫贱/),
  rule('zh.want-to-fuck', 'sexual', 0.5, /(?:想|要|好想|真想)(?:操|肏|日)(?:你|死你)/),
  rule('zh.bed', 'sexual', 0.25, /上床|开房/),
  rule('zh.porn', 'sexual', 0.4, /色情|黄片|黄图|av女优|a片|毛片|裸照|裸聊|艳照|自慰|撸管|手淫/),
  rule('zh.send-nudes', 'sexual', 0.6, /(?:发|拍|给我看|看看)(?:一?张|几张)?(?:你的)?(?:裸照|胸|下面|奶子|私处|裸体)/),

  // sexual/minors
  rule('zh.csam', 'sexual/minors', 0.95, /(?:儿童|幼童|幼女|萝莉|未成年|小学生|初中生|少女)(?:色情|黄图|黄片|裸照|av|本子|福利|裸体)/),
  rule('zh.minor-sexual', 'sexual/minors', 0.9, near(MINOR, SEXUAL_ACT, 12)),
  rule('zh.pedophilia', 'sexual/minors', 0.45, /恋童|炼铜|萝莉控|正太控|幼女/),

  // illicit
  rule(
    'zh.illicit-howto',
    'illicit',
    0.85,
    near(
      '怎么|怎样|如何|教程|配方|步骤|自制|在哪(?:里|儿)?(?:能|可以)?买|哪里(?:能|可以|有)?(?:买|卖)|购买渠道|合成|提炼|提纯|制作|制造',
      '炸弹|炸药|雷管|燃烧弹|汽油弹|\\btnt\\b|冰毒|甲基苯丙胺|麻古|海洛因|白粉|可卡因|摇头丸|k粉|氯胺酮|芬太尼|大麻(?!烦)|迷药|迷幻药|听话水|迷奸药|枪支|手枪|步枪|土枪|猎枪|氰化物|蓖麻毒素|毒药|沙林|铊',
      8,
      6,
    ),
  ),
];
