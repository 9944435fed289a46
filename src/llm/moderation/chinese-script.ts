/**
 * Traditional → simplified folding, so one simplified pattern list serves text typed in
 * either script (Taiwan, Hong Kong, mainland). It covers the characters our patterns and
 * idioms use plus the most frequent ones, not the whole of OpenCC: it only feeds matching,
 * and a character missing here just means a Traditional spelling of a pattern is missed.
 */
const PAIRS =
  '個个們们這这來来時时會会說说對对過过還还沒没麼么樣样為为與与從从讓让見见覺觉點点裡里裏里' +
  '開开關关係系發发現现經经問问題题應应該该當当後后處处無无愛爱親亲話话誰谁嗎吗妳你邊边頭头' +
  '兒儿幾几號号電电腦脑網网買买賣卖錢钱車车東东門门長长張张幫帮帶带歲岁學学習习書书寫写讀读' +
  '語语氣气殺杀傷伤殘残屍尸槍枪彈弹藥药製制錯错難难歡欢聽听聲声體体實实動动靜静壞坏憶忆夢梦' +
  '戀恋婦妇媽妈爺爷孫孙國国區区鄉乡滅灭滾滚賤贱騙骗罵骂獄狱醫医療疗瘋疯癡痴壓压憂忧鬱郁慮虑' +
  '懼惧窮穷餓饿飽饱熱热涼凉凍冻嚇吓煩烦悶闷癢痒撐撑羨羡緊紧興兴樂乐尷尴醜丑癮瘾夠够繼继續续' +
  '斷断離离結结輕轻絕绝遺遗別别誤误認认識识謝谢請请議议記记許许論论變变轉转隨随險险陽阳陰阴' +
  '隊队陳陈雖虽雙双雞鸡雜杂靈灵響响須须順顺領领願愿顧顾風风飛飞飯饭館馆馬马騷骚驗验髒脏鬥斗' +
  '鬧闹魚鱼鳥鸟麗丽黃黄齊齐齒齿龍龙獨独猶犹獸兽滿满漢汉濕湿灣湾燒烧爛烂爭争牽牵狀状獲获環环' +
  '產产畫画異异盜盗眾众確确禮礼禍祸種种穩稳窩窝筆笔節节簡简紀纪約约紅红級级紙纸細细終终組组' +
  '給给絲丝綁绑緒绪線线練练總总繩绳罰罚義义聞闻聯联職职膽胆臉脸舊旧華华萬万葉叶蘭兰蟲虫術术' +
  '衛卫衝冲補补裝装複复規规視视觀观計计討讨訴诉試试詩诗課课調调談谈講讲謊谎證证譯译護护讚赞' +
  '負负財财貨货貪贪責责貴贵費费資资賊贼賭赌賴赖購购贏赢趕赶軍军載载輩辈輸输辦办農农運运達达' +
  '違违遠远適适選选遲迟郵邮鄰邻釋释針针鐵铁錄录鍋锅鎖锁鏡镜閃闪閉闭閒闲間间闆板陣阵陸陆階阶' +
  '隱隐雲云霧雾韓韩頁页項项預预頓顿額额顏颜類类顯显餘余驚惊騎骑髮发鬆松鳳凤鴨鸭鹽盐麥麦麵面' +
  '黨党齡龄剛刚劃划創创劇剧勁劲勢势勝胜勞劳協协單单嘆叹嚴严團团圍围圖图圓圆執执報报場场塊块' +
  '墜坠奪夺奮奋嬰婴寧宁寶宝將将專专尋寻導导屬属島岛幣币幹干廢废廣广強强徵征惡恶惱恼態态慘惨' +
  '慣惯憐怜憤愤懶懒懷怀戰战戲戏掃扫掛挂換换損损搖摇搶抢擁拥擇择擊击擔担據据擠挤擺摆擾扰攜携' +
  '敗败敵敌數数斃毙斬斩暈晕暫暂條条樓楼標标橋桥機机檢检歸归歷历殼壳毀毁決决溝沟溫温漲涨潔洁' +
  '濃浓災灾煉炼煙烟爐炉牆墙犧牺獵猎獻献畢毕盡尽監监盤盘碼码礙碍稅税竊窃築筑簽签糧粮糾纠統统' +
  '綠绿維维緣缘編编緩缓縣县罷罢羅罗聖圣腸肠膚肤臟脏藝艺藍蓝蘇苏蘿萝虧亏觸触訪访詐诈誘诱諒谅' +
  '豬猪貓猫賬账賽赛跡迹蹤踪軀躯轟轰辯辩還还醫医釣钓鏈链闖闯隻只頸颈頹颓顆颗颱台飾饰餅饼餵喂' +
  '駕驾騰腾鮮鲜鳴鸣黴霉姦奸褻亵睏困燙烫劃划淚泪寵宠嬌娇擁拥摟搂頰颊';

/**
 * 著 is folded (活著 → 活着) but is also a normal simplified character (著名), so it is kept
 * out of the script hints below.
 */
const AMBIGUOUS_FOLDS = '著着';

const TO_SIMPLIFIED = new Map<string, string>();
for (const pairs of [PAIRS, AMBIGUOUS_FOLDS]) {
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) TO_SIMPLIFIED.set(chars[i], chars[i + 1]);
}

/** Characters that only Traditional text uses: the keys above, minus the ambiguous folds. */
const TRADITIONAL_ONLY = new Set([...TO_SIMPLIFIED.keys()].filter((c) => !AMBIGUOUS_FOLDS.includes(c)));

/**
 * Simplified forms that Traditional text also writes (皇后, 公里, 台北, 一隻 aside), so they
 * prove nothing about the script.
 */
const SHARED_FORMS = new Set([...'后里干只台面出松余系征复冲斗郁困于板发炼着你采迹御丑奸']);
const SIMPLIFIED_ONLY = new Set(
  [...TO_SIMPLIFIED.values()].filter((c) => !SHARED_FORMS.has(c) && !TO_SIMPLIFIED.has(c)),
);

/** Any character TO_SIMPLIFIED folds (all CJK: nothing to escape in a class). */
const FOLDED = new RegExp(`[${[...TO_SIMPLIFIED.keys()].join('')}]`, 'gu');

export function toSimplified(text: string): string {
  // One regex pass: most text (and all simplified text) has nothing to fold and comes back as it is.
  return text.replace(FOLDED, (char) => TO_SIMPLIFIED.get(char)!);
}

export type ChineseScript = 'simplified' | 'traditional';

/** The script a Chinese text is written in; simplified when nothing tells them apart. */
export function chineseScriptOf(text: string): ChineseScript {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (TRADITIONAL_ONLY.has(char)) traditional += 1;
    else if (SIMPLIFIED_ONLY.has(char)) simplified += 1;
  }
  return traditional > simplified ? 'traditional' : 'simplified';
}
