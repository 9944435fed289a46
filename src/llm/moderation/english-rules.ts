import { anyOf, near, rule, type PatternRule } from './pattern-rule';

/*
 * English patterns. Weights are set so that one strong statement ("i want to kill myself",
 * "ill kill you", a slur) crosses the default thresholds alone, while the strong words of an
 * ordinary argument ("fuck you", "idiot", "i hate you") stay below them unless they pile up.
 */

const FIRST_PERSON_FUTURE = anyOf(
  'ill', 'i will', 'im going to', 'im gonna', 'i am going to', 'i am gonna', 'imma', 'going to', 'gonna',
  'i swear ill', 'i swear i will', 'i will fucking', 'ill fucking', 'im gonna fucking', 'i want to', 'i wanna',
);
const PEOPLE = anyOf(
  'my ex', 'your ex', 'that bitch', 'that bastard', 'my wife', 'my husband', 'my boyfriend', 'my girlfriend',
  'my bf', 'my gf', 'my boss', 'my teacher', 'my neighbou?r', 'my coworker', 'him', 'her', 'them', 'everyone',
  'everybody', 'people', 'someone', 'somebody',
);
/** "I'll strangle my brother if he eats my leftovers": family is where hyperbole lives. */
const FAMILY = anyOf('my mom', 'my mum', 'my dad', 'my brother', 'my sister', 'my parents', 'my roommate', 'my cat', 'my dog');
const GROUPS = anyOf(
  'jews', 'jewish people', 'muslims', 'blacks', 'black people', 'gays', 'gay people', 'homosexuals',
  'immigrants', 'migrants', 'refugees', 'mexicans', 'asians', 'chinese', 'chinese people', 'indians', 'arabs',
  'africans', 'women', 'females', 'men', 'males', 'trans people', 'transgender people', 'latinos',
  'hispanics', 'whites', 'white people', 'christians', 'hindus', 'lesbians', 'disabled people',
);
const MINOR = anyOf(
  '(?<![0-9])(?:[1-9]|1[0-7]) ?(?:yo|y o|yrs? old|years? old|year old)',
  '(?:im|i am|shes|she is|hes|he is|theyre|she was|he was|pretend youre|pretend you are|pretend to be|be) (?:a |only |just |barely )?(?:[1-9]|1[0-7])(?![0-9])(?! ?(?:am|pm|min|mins|minutes|hours|hrs|km|miles|percent|dollars|bucks|times|days|weeks|months))',
  'underage', 'under age', 'minors?', 'child', 'children', 'kids?', 'little (?:girl|boy)s?', 'young (?:girl|boy)s?',
  'preteens?', 'pre teens?', 'schoolgirls?', 'middle schoolers?', 'elementary schoolers?', 'loli', 'shota',
  '(?:[5-8]th) graders?',
);
const SEXUAL_ACT = anyOf(
  'sex', 'sexual', 'sexually', 'naked', 'nude', 'nudes', 'porn', 'horny', 'blowjob', 'molest\\w*', 'rape', 'raped',
  'touch (?:her|him|them|their) (?:down there|privates?)', 'undress\\w*', 'erotic', 'seduce', 'make love',
  'fuck (?:her|him|them|a (?:kid|child|minor|girl|boy))', 'suck (?:my|his|her)', 'lewd',
  'take off (?:your|ur|my|her|his) (?:clothes|shirt|pants|panties|underwear|bra)', 'get naked', 'strip(?:ping)? for',
);

export const ENGLISH_RULES: readonly PatternRule[] = [
  // self-harm/intent
  rule('en.want-to-die', 'self-harm/intent', 0.8, /\b(?:want|wanna|wish|need|ready|deserve) to die\b|\bwanna die\b/, { negatable: true }),
  rule('en.wish-dead', 'self-harm/intent', 0.8, /\bi wish i (?:was|were) (?:dead|never born)\b|\bi wish i (?:had )?never (?:been )?born\b/),
  rule('en.kill-myself', 'self-harm/intent', 0.65, /\b(?:kill|killing|kms|off|hang|drown|shoot) myself\b|\bkms\b/, { negatable: true }),
  rule('en.plan-kill-myself', 'self-harm/intent', 0.9, /\b(?:want|wanna|going|gonna|plan|planning|about|ready|decided|trying) (?:to )?(?:kill|hang|drown|shoot|off) myself\b/, { negatable: true }),
  rule('en.plan-overdose', 'self-harm/intent', 0.85, /\b(?:want|wanna|going|gonna|plan|planning|about|ready|decided) (?:to )?(?:overdose|od|slit my wrists?|jump off)\b/, { negatable: true }),
  rule('en.end-my-life', 'self-harm/intent', 0.85, /\bend(?:ing)? (?:it all|my (?:own )?life)\b|\btak(?:e|ing) my (?:own )?life\b/, { negatable: true }),
  rule('en.suicidal', 'self-harm/intent', 0.9, /\b(?:im|i am|i feel|i feel so|feeling|ive been|been feeling|i was|i get) (?:so |really |very |kind of |kinda |pretty |a bit |a little )?suicidal\b/),
  rule('en.thinking-suicide', 'self-harm/intent', 0.85, /\b(?:i|im|i am|ive been|i was|i keep) (?:\w+ )?(?:thinking about|thinking of|considering|planning|contemplating|going to commit|gonna commit|want to commit|wanna commit) (?:committing )?suicide\b/, { negatable: true }),
  rule('en.want-suicide', 'self-harm/intent', 0.85, /\b(?:want|wanna|going|gonna|plan|planning|decided|try|tried|trying|ready) (?:to )?(?:commit )?suicide\b|\bsuicide is (?:the|my) (?:answer|only way|way out|only option)\b/, { negatable: true }),
  rule('en.no-reason-to-live', 'self-harm/intent', 0.8, /\b(?:no|nothing to|any|see the|see any) (?:reason|point) (?:to live|in living|of living|to go on|living|to keep living|in going on|in being alive)\b|\bwhats the point (?:of|in) (?:living|life|going on)\b/),
  rule('en.dont-want-to-live', 'self-harm/intent', 0.85, /\b(?:dont|do not|no longer|dont even) want to (?:live|be alive|exist|wake up|be here anymore)\b/),
  rule('en.better-off-without-me', 'self-harm/intent', 0.75, /\b(?:better off (?:dead|without me)|be better without me)\b/),
  rule('en.unalive', 'self-harm/intent', 0.75, /\bunaliv(?:e|ing)(?: myself)?\b|\bsewer ?slide\b|\bself ?delet(?:e|ing)\b/),
  rule('en.suicide-note', 'self-harm/intent', 0.8, /\b(?:my|write|writing|wrote) (?:a |my )?suicide note\b/),
  rule('en.should-die', 'self-harm/intent', 0.75, /\bi (?:should|deserve to|need to|just want to) die\b/, { negatable: true }),
  rule('en.disappear-forever', 'self-harm/intent', 0.6, /\b(?:want|wanna|going) (?:to )?disappear (?:forever|for good|permanently)\b|\bwish i could (?:just )?disappear(?: forever| for good)?\b/, { negatable: true }),
  rule('en.never-wake-up', 'self-harm/intent', 0.75, /\b(?:sleep|go to sleep|fall asleep) and never wake up\b|\bnever wake up again\b|\bhope i (?:dont|never) wake up\b/, { negatable: true }),
  rule('en.end-it-tonight', 'self-harm/intent', 0.7, /\b(?:going to|gonna|want to|wanna|ready to|plan to|planning to|decided to|about to|will|ill) end it (?:tonight|today|right now|now|soon|this week)\b/, { negatable: true }),
  rule('en.end-it', 'self-harm/intent', 0.3, /\b(?:going to|gonna|want to|wanna|ready to|decided to|about to) end it\b(?! (?:with|between))/, { negatable: true }),
  rule('en.bullet-in-my-head', 'self-harm/intent', 0.65, /\b(?:put|need|want) a bullet (?:in|through) my (?:head|skull|brain)\b/, { negatable: true }),
  rule('en.dont-deserve-to-live', 'self-harm/intent', 0.8, /\b(?:dont|do not|no longer) deserve to (?:live|be alive|exist)\b/),
  rule('en.noose', 'self-harm/intent', 0.6, /\b(?:tied|tie|made|tying) a noose\b|\bnoose\b/),
  rule('en.bought-rope', 'self-harm/intent', 0.4, /\b(?:bought|got|have|found) (?:a |some )?rope\b/),
  rule('en.im-done', 'self-harm/intent', 0.15, /\bim (?:so )?done\b(?! (?:with|talking|arguing|for|eating))/),
  rule('en.cant-go-on', 'self-harm/intent', 0.3, /\bcant (?:go on|take it|keep going|do this) anymore\b/),
  rule('en.kill-me-now', 'self-harm/intent', 0.3, /\b(?:just )?kill me now\b|\bsomeone (?:please )?kill me\b/),
  rule('en.nobody-would-notice', 'self-harm/intent', 0.8, /\b(?:nobody|no one|noone)(?: \w+){0,2} (?:notice|care|miss me)\b[^]{0,10}\bif i (?:died|disappeared|was gone|were gone|was dead|were dead|killed myself)\b/),
  rule('en.if-i-died', 'self-harm/intent', 0.3, /\bif i (?:died|disappeared|was gone|were gone|was dead|were dead)\b/),
  rule('en.suicide-mention', 'self-harm', 0.3, /\bsuicid(?:e|al)\b/, { negatable: true }),

  // self-harm (acts)
  rule('en.hurting-myself', 'self-harm', 0.7, /\b(?:cutting|burning|hurting|harming|starving|punishing) myself\b/, { negatable: true }),
  rule('en.cut-myself-again', 'self-harm', 0.8, /\b(?:cut|burned|burnt|hurt|harmed) myself (?:again|on purpose|deliberately|last night|to feel)\b|\b(?:slit|slash|cut) my (?:wrists?|arms?|thighs?)\b/, { negatable: true }),
  rule('en.took-pills', 'self-harm', 0.8, /\b(?:took|swallowed|taken|downed|overdosed on) (?:a bunch of|all (?:my|the|of my)|a (?:whole )?bottle of|too many|\d{2,}|like \d+|so many|a handful of) (?:\w+ )?(?:pills|tablets|tylenol|paracetamol|xanax|painkillers|meds)\b|\bi (?:overdosed|od d|odd)\b/),
  rule('en.self-harm', 'self-harm', 0.45, /\bself ?harm(?:ing|ed)?\b/, { negatable: true }),
  rule('en.i-self-harm', 'self-harm', 0.85, /\bi (?:still |sometimes |have |started to |used to |keep )?self ?harm/, { negatable: true }),

  // self-harm/instructions
  rule('en.how-to-die', 'self-harm/instructions', 0.9, /\b(?:how|ways?|best way|easiest way|quickest way|fastest way|painless way|least painful way) to die\b/),
  rule(
    'en.suicide-method',
    'self-harm/instructions',
    0.9,
    near(
      '\\b(?:how (?:to|do i|can i|would i|should i|much|many)|ways? to|best way|easiest way|quickest way|fastest way|painless(?:ly)?|least painful|methods?|steps to|guide to)\\b',
      '\\b(?:kill (?:myself|yourself|oneself)|commit suicide|suicide|end (?:my|your) life|hang (?:myself|yourself)|overdose|od|slit (?:my|your) wrists?)\\b',
      30,
    ),
  ),
  rule('en.enough-pills', 'self-harm/instructions', 0.85, /\b(?:\d+|how many) (?:\w+ )?(?:pills|tablets)\b[^]{0,30}?\b(?:enough to|to|would|will) (?:die|kill me|kill myself|overdose|od)\b/),
  rule('en.lethal-dose', 'self-harm/instructions', 0.8, /\b(?:lethal|fatal|deadly) dose\b|\bhow many (?:pills|sleeping pills|tylenol|paracetamol|ibuprofen|advil|xanax)\b[^]{0,30}\b(?:die|kill|overdose|od|lethal|fatal)\b/),

  // harassment/threatening
  rule('en.ill-kill-you', 'harassment/threatening', 0.85, new RegExp(`\\b${FIRST_PERSON_FUTURE} (?:fucking )?(?:(?:kill|murder|stab|shoot|strangle|hurt|end|choke|gut) (?:you|u|ya)|(?:slit|cut) (?:your|ur) throat|break (?:your|ur) (?:neck|legs|face|jaw))\\b`), { negatable: true }),
  rule('en.ill-come-and-hurt-you', 'harassment/threatening', 0.75, new RegExp(`\\b${FIRST_PERSON_FUTURE}(?: (?!(?:never|not|let|nobody|anyone|no|might|may|could|would|can|cant|should|wouldnt|couldnt|if)\\b)\\w+){1,4} (?:and )?(?:kill|murder|stab|shoot|strangle|hurt|rape) (?:you|u)\\b`), { negatable: true }),
  rule('en.ill-kill-them', 'harassment/threatening', 0.75, new RegExp(`\\b${FIRST_PERSON_FUTURE} (?:fucking )?(?:kill|murder|stab|shoot|strangle) ${PEOPLE}\\b`), { negatable: true }),
  rule('en.ill-kill-family', 'harassment/threatening', 0.45, new RegExp(`\\b${FIRST_PERSON_FUTURE} (?:fucking )?(?:kill|murder|stab|shoot|strangle) ${FAMILY}\\b`), { negatable: true }),
  rule('en.burn-your-house', 'harassment/threatening', 0.8, /\b(?:burn|torch|set fire to) (?:down )?(?:your|ur) (?:house|home|car|place|apartment|flat)\b|\b(?:your|ur) (?:house|home|car|place|apartment|flat)\b[^]{0,20}\bburn it (?:down|to the ground)\b/, { negatable: true }),
  rule('en.ill-rape', 'harassment/threatening', 0.95, /\b(?:ill|i will|im going to|im gonna|gonna|going to|i want to|i wanna) rape (?:you|u|her|him|them)\b/, { negatable: true }),
  rule('en.bullet-in-your-head', 'harassment/threatening', 0.85, /\b(?:put|lodge|pump) (?:a bullet|bullets|a round) (?:in|into|through) (?:your|ur) (?:head|skull|brain|face|chest)\b/, { negatable: true }),
  rule('en.know-where-you-live', 'harassment/threatening', 0.7, /\bi know where (?:you|u) (?:live|work|sleep)\b/),
  rule('en.hunt-you-down', 'harassment/threatening', 0.6, /\b(?:hunt|track) (?:you|u) down\b/, { negatable: true }),
  rule('en.beat-you', 'harassment/threatening', 0.65, /\bbeat (?:you|u|your ass|ur ass|the shit out of (?:you|u)) (?:up|to death|senseless|black and blue|to a pulp)\b|\bbeat the shit out of (?:you|u)\b/, { negatable: true }),
  rule('en.hurt-your-family', 'harassment/threatening', 0.75, /\b(?:kill|murder|hurt|rape) (?:your|ur) (?:family|kids|children|mom|mother|dad|father|sister|brother|dog|cat)\b/, { negatable: true }),
  rule('en.mass-attack', 'harassment/threatening', 0.95, /\b(?:shoot up|bomb|blow up) (?:the|a|my|our|this|that) (?:school|mall|church|mosque|synagogue|temple|office|concert|class|campus|building|plane|airport|station)\b/, { negatable: true }),
  rule('en.watch-your-back', 'harassment/threatening', 0.45, /\bwatch (?:your|ur) back\b|\byoure (?:dead meat|a dead man|a dead woman)\b/),
  rule('en.youre-dead', 'harassment/threatening', 0.35, /\byoure (?:so )?dead\b|\byou will (?:pay|regret this)\b/),

  // harassment
  rule('en.go-kill-yourself', 'harassment', 0.75, /(?:^|\b(?:go|just|should|pls|please|why dont you|why not|then|and|now|u should|you should|so)\s)(?:kill|hang|off) (?:yo)?ur ?self\b|\bkys\b|\bneck (?:yo)?ur ?self\b|\bdrink bleach\b/),
  rule('en.kill-yourself', 'harassment', 0.35, /\bkill (?:yo)?ur ?self\b/),
  rule('en.deserve-rape', 'harassment', 0.7, /\b(?:you|u|she|he|they) (?:deserves?|should|needs? to) (?:to )?(?:get |be )?(?:raped|killed|murdered)\b/, { negatable: true }),
  rule('en.go-die', 'harassment', 0.6, /\b(?:go|just|please) die\b|\bi hope (?:you|u) (?:die|get cancer|get raped|rot in hell|rot)\b|\b(?:you|u) (?:should|deserve to) die\b/, { negatable: true }),
  rule('en.fuck-you', 'harassment', 0.3, /(?<!\b(?:to|wanna|gonna|will|ill|can|could|would|lemme|let me|and|i) )\bfuck (?:you|u)\b|\bfuck off\b|\bgo fuck (?:yo)?urself\b/),
  rule('en.compound-insult', 'harassment', 0.55, /\b(?:stupid|dumb|fat|ugly|worthless|useless|fucking|disgusting|pathetic|dirty|filthy|lying) (?:bitch|whore|slut|cunt|cow|pig|loser|skank|piece of (?:shit|trash|garbage))\b/),
  rule('en.insult', 'harassment', 0.3, /\b(?:bitch|cunt|whore|slut|skank|twat|motherfucker|retard|retarded)\b/),
  rule('en.mild-insult', 'harassment', 0.1, /\b(?:asshole|dickhead|bastard|jerk|idiot|moron|stupid|dumbass|loser)\b/),
  rule('en.worthless', 'harassment', 0.4, /\b(?:youre|you are|ur|u r|you) (?:such |so |just |nothing but )?(?:a |an )?(?:worthless|useless|pathetic|disgusting|waste of (?:space|oxygen|air)|piece of (?:shit|trash|garbage)|subhuman)\b/),
  rule('en.nobody-loves-you', 'harassment', 0.45, /\b(?:no ?one|nobody) (?:will ever|would ever|could ever|will|could|would|ever) (?:love|want) (?:you|u)\b/),

  // hate
  rule('en.slur-n', 'hate', 0.9, /\bnigg(?:er|ers|uh|uhs)\b|\bjigaboos?\b|\bsand ?niggers?\b/),
  rule('en.slur-n-casual', 'hate', 0.55, /\bnigg(?:a|as|ah|az)\b/),
  rule('en.slur', 'hate', 0.85, /\b(?:faggots?|kikes?|chinks?|spics?|wetbacks?|gooks?|(?:rag|towel) ?heads?|beaners?|zipperheads?)\b/),
  rule('en.slur-lesser', 'hate', 0.6, /\b(?:trann(?:y|ies)|pakis?|dykes?|shemales?)\b/),
  rule('en.slur-ambiguous', 'hate', 0.4, /\b(?:fags?|coons?)\b/),
  rule('en.dehumanise-group', 'hate', 0.8, new RegExp(`\\b${GROUPS} (?:are|r) (?:all |just |nothing but |literally )?(?:animals|vermin|subhuman|sub human|parasites|cockroaches|roaches|rats|savages|inferior|a disease|a plague|a cancer|apes|monkeys|not human|terrorists|rapists)\\b`)),
  rule('en.disparage-group', 'hate', 0.3, new RegExp(`\\b${GROUPS} (?:are|r) (?:all |just )?(?:trash|garbage|pigs|dogs|scum|the worst|disgusting)\\b`)),
  rule('en.eliminate-group', 'hate', 0.9, new RegExp(`\\b(?:kill|exterminate|gas|lynch|eradicate|wipe out|deport|get rid of|death to) (?:all )?(?:the |those |these )?${GROUPS}\\b`)),
  rule('en.hate-group', 'hate', 0.4, new RegExp(`\\b(?:i hate|fuck|fuck all) (?:all )?(?:the )?${GROUPS}\\b`)),
  rule('en.nazi', 'hate', 0.7, /\b(?:heil hitler|sieg heil|1488|white power|gas the)\b/),

  // violence
  rule('en.eliminate-group-violence', 'violence', 0.6, new RegExp(`\\b(?:kill|exterminate|gas|lynch|eradicate|wipe out) (?:all )?(?:the |those |these )?${GROUPS}\\b`)),
  rule('en.graphic', 'violence', 0.6, /\b(?:dismember(?:ed|ing)?|decapitat(?:e|ed|ing)|behead(?:ed|ing)?|disembowel(?:ed|ing)?|skin(?:ned)? (?:him|her|them) alive|slit (?:his|her|their) throat|bash(?:ed)? (?:his|her|their) (?:head|skull) in)\b/),
  rule('en.gore', 'violence', 0.35, /\b(?:blood|brains|guts) (?:everywhere|all over|splattered)\b/),
  rule('en.torture', 'violence', 0.6, /\b(?:torture|torturing|tortured) (?:him|her|them|animals|a cat|a dog|the cat|the dog|puppies|kittens)\b/),
  rule('en.beat-to-death', 'violence', 0.7, /\b(?:beat|beating|beaten|stab|stabbed|stabbing|shot|shoot|shooting|strangled|choked|kicked|punched) (?:him|her|them|my (?:wife|husband|girlfriend|boyfriend|kid|child|son|daughter|dog|cat)) (?:to death|until|till|unconscious|senseless|bloody)\b/),

  // sexual
  rule('en.explicit-act', 'sexual', 0.75, /\b(?:fuck|fucking|fucked|screw|pound|rail|ride) (?:me|you|u|her|him) (?:hard|harder|so hard|raw|deep|senseless|all night|from behind|doggy)\b/),
  rule('en.want-to-fuck', 'sexual', 0.65, /\b(?:want|wanna|going|gonna|need|let me|lemme|i will|ill|to) (?:to )?fuck (?:you|u|me|her|him)\b/),
  rule('en.explicit-touch', 'sexual', 0.8, /\b(?:suck|lick|stroke|touch|rub|grab|squeeze) (?:my|your|ur|his|her) (?:cock|dick|pussy|clit|tits|nipples|balls|boobs)\b/),
  rule('en.explicit-term', 'sexual', 0.8, /\b(?:blowjob|blow job|handjob|hand job|rimjob|deepthroat|cumshot|creampie|gangbang|bukkake|titfuck)s?\b/),
  rule('en.anatomy', 'sexual', 0.25, /\b(?:cock|pussy|clit|tits|boobs|nipples)\b/),
  rule('en.climax', 'sexual', 0.4, /\b(?:cum|cumming|orgasms?|ejaculat\w*|jerk(?:ing)? off|masturbat\w*|wank\w*)\b/),
  rule('en.porn', 'sexual', 0.4, /\b(?:porn|porno|pornhub|xxx|hentai|nsfw)\b/),
  rule('en.send-nudes', 'sexual', 0.6, /\b(?:send|show) (?:me )?(?:your |ur |some )?(?:nudes|naked (?:pics|photos|pictures)|nude (?:pics|photos)|tits|boobs|pussy|dick)\b/),
  rule('en.have-sex', 'sexual', 0.35, /\b(?:have|having|had) sex\b|\bsex with\b|\bmake love\b|\bhorny\b|\b(?:wet|hard) for (?:you|u)\b/),

  // sexual/minors
  rule('en.csam', 'sexual/minors', 0.95, /\b(?:child|children|kiddie|kiddy|underage|under age|minor|preteen|pre teen|young teen|toddler|infant)s? ?(?:porn|pornography|sex|nudes|nude|naked pics|erotica|hentai)\b|\b(?:csam|jailbait|lolicon|shotacon)\b|\bcp (?:links?|videos?|pics)\b/),
  rule('en.minor-sexual', 'sexual/minors', 0.9, near(`\\b${MINOR}\\b`, `\\b${SEXUAL_ACT}\\b`, 40)),
  rule('en.pedo', 'sexual/minors', 0.3, /\b(?:pedo|pedophile|paedophile|loli)s?\b/),

  // illicit: instructions or sourcing for weapons and drugs
  rule(
    'en.illicit-howto',
    'illicit',
    0.85,
    near(
      '\\b(?:how (?:to|do i|do you|can i|would i|should i|does one)|recipes?|instructions|step by step|steps to|guide to|tutorial|synthesi[sz]e|synthesis|3d print(?:ed|ing)?|where (?:can i|to|do i|could i) (?:buy|get|order|find))\\b',
      '\\b(?:bombs?|pipe bombs?|explosives?|ied|napalm|thermite|molotov|grenades?|detonators?|c4|semtex|tnt|meth|methamphetamine|crystal meth|crack cocaine|cocaine|heroin|fentanyl|lsd|mdma|ghb|roofies|rohypnol|date rape drug|ricin|sarin|nerve (?:gas|agent)|anthrax|mustard gas|chlorine gas|ghost gun|untraceable gun|zip gun|silencer|suppressor|auto sear|full auto conversion|poison (?:someone|him|her|them|my|a person|your))\\b',
      40,
      20,
    ),
  ),
  rule(
    'en.illicit-make',
    'illicit',
    0.45,
    /\b(?:make|making|cook|cooking|build|building|buy|buying|sell|selling)\b[^]{0,20}\b(?:bombs?|pipe bombs?|explosives?|meth|methamphetamine|cocaine|heroin|fentanyl|ghost gun|napalm)\b/,
  ),
];
