import type { ScenarioTemplate } from '../../src/kernel/simulation/scenarios/scenario-template.schema';

/** Early days and good moments: a first date, a first trip, a wedding, good news. */
export const GETTING_CLOSER: ScenarioTemplate[] = [
  {
    id: 'first-date-after-texting',
    title: 'First date after weeks of texting',
    category: 'first-date',
    setting: [
      'a quiet bookshop café on a rainy Saturday afternoon',
      'a crowded izakaya where the tables are so close the neighbours can hear everything',
      'a riverside walk that was supposed to be a quick coffee',
    ],
    premise:
      '{{self}} and {{partner}} matched on a dating app three weeks ago and have messaged almost every night since. ' +
      'The messages were easy; this is the first time they meet in person, and the real thing has pauses. ' +
      'Both arrived ten minutes early and pretended they hadn’t.',
    stressorIntensity: { min: 1, max: 3 },
    stakes: [
      'whether there will be a second date',
      'whether the person from the messages is the person across the table',
      'whether either of them will admit to wanting something serious',
    ],
    privateGoals: {
      self: [
        'Find out whether {{partner}} wants a serious relationship, without making the date feel like a job interview.',
        'Make {{partner}} laugh at least once, and find out whether the chemistry survives offline.',
        'Be honest that you came out of a five-year relationship four months ago, and see how {{partner}} takes it.',
      ],
      partner: [
        'Decide whether {{self}} is as thoughtful in person as in messages; you have been let down by people who text well.',
        'Keep things light and steer away from your job, which you are quietly unhappy in.',
        'Suggest a second date before the end if, and only if, it feels right.',
      ],
    },
    events: [
      { kind: 'interruption', description: 'The server brings {{partner}} the wrong order, one with peanuts, which {{partner}} is allergic to.', weight: 2 },
      { kind: 'phone-call', description: '{{self}}’s phone rings: a friend making the agreed “rescue call” in case the date was going badly.', weight: 3 },
      { kind: 'friend-remark', description: '{{partner}}’s phone lights up with a friend’s text, “So?? Is it like the photos? 👀”, and {{self}} sees it.', weight: 2 },
      { kind: 'news', description: 'It starts pouring. Staying means ordering another round; leaving means sharing one umbrella to the station.', weight: 2 },
    ],
    openingLine: { speaker: 'self', text: 'Hi, {{partner}}? Oh good. I was about to say hello to a complete stranger.' },
    maxTurns: 14,
  },
  {
    id: 'trip-planning-golden-week',
    title: 'Planning the first trip together',
    category: 'trip-planning',
    setting: [
      'Sunday evening on the sofa, both laptops open on flight searches',
      'a video call on a lunch break, with forty minutes to decide',
      'a hotpot dinner where the trip comes up between orders',
    ],
    premise:
      'For the first time, {{self}} and {{partner}} have five days off together: the National Day holiday. ' +
      'Prices go up tomorrow, so they mean to book today. {{self}} has been dreaming of somewhere new; ' +
      '{{partner}} has been imagining something restful. Neither has said how much they can actually spend.',
    stressorIntensity: { min: 1, max: 3 },
    stakes: [
      'the first long stretch of time together, and what it shows about how they travel as a couple',
      'a budget one of them will quietly struggle with',
      'whose idea of a holiday wins: adventure or rest',
    ],
    privateGoals: {
      self: [
        'Get {{partner}} excited about a packed itinerary in a city neither of you has seen, such as Chengdu or Kyoto.',
        'Keep the total under what you can afford without naming the number first; you are a little embarrassed by it.',
        'Make sure {{partner}} plans at least one day of the trip, so it feels shared rather than your project.',
      ],
      partner: [
        'Argue for a slow beach holiday; work has exhausted you and you need to sleep.',
        'Find out whether {{self}} expects to split everything evenly; you earn more and would happily pay more, but not if it gets awkward.',
        'Avoid anywhere near your hometown: you are not ready for your parents to hear you travelled with someone.',
      ],
    },
    events: [
      { kind: 'news', description: 'While they talk, the flight they were looking at goes up by 600 yuan.', weight: 3 },
      { kind: 'friend-remark', description: '{{partner}}’s friend messages: “Don’t go anywhere during Golden Week. Everywhere is packed, trust me.”', weight: 2 },
      { kind: 'phone-call', description: '{{self}}’s manager calls to ask whether {{self}} could stay reachable during the holiday, “just in case”.', weight: 2 },
      { kind: 'time-skip', description: 'An hour passes. Forty browser tabs are open and nothing is booked.', weight: 2 },
    ],
    maxTurns: 14,
    languageHints: ['zh-CN', 'en'],
  },
  {
    id: 'friends-wedding-plus-one',
    title: 'Plus-one at a friend’s wedding',
    category: 'custom',
    setting: [
      'a garden wedding where {{self}} knows almost everyone and {{partner}} knows no one',
      'a banquet hall whose seating chart puts them at a table with {{self}}’s ex',
      'the taxi home after the reception',
    ],
    premise:
      '{{self}} has brought {{partner}} as a plus-one to the wedding of {{self}}’s closest friend from university. ' +
      'It is the first time {{partner}} meets this whole group of friends, who have strong opinions and long memories. ' +
      'Halfway through the reception, the best man jokes that {{self}} “will be next, if anyone can pin them down”.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'whether {{partner}} feels part of {{self}}’s life or a guest in it',
      'what “being next” means to each of them',
      'how they handle being teased in public as a couple',
    ],
    privateGoals: {
      self: [
        'Make sure {{partner}} has a good time and gets on with your friends, even though people keep pulling you away.',
        'Laugh off the “you’ll be next” joke without committing to anything; you are not sure you are ready.',
        'Find a quiet moment to ask {{partner}} what they made of the joke.',
      ],
      partner: [
        'Get {{self}} to introduce you as more than “this is {{partner}}”; you want to know where you stand.',
        'Hide how left out you feel; you refuse to be the needy plus-one.',
        'Dance with {{self}} at least once before the night ends.',
      ],
    },
    events: [
      { kind: 'friend-remark', description: 'A tipsy university friend tells {{partner}}: “You’re way more normal than the last one {{self}} brought.”', weight: 3 },
      { kind: 'interruption', description: 'The bride pulls {{self}} away for twenty minutes of group photos, leaving {{partner}} at a table of strangers.', weight: 3 },
      { kind: 'news', description: 'The bouquet is thrown and lands at {{partner}}’s feet. Everyone cheers.', weight: 1 },
      { kind: 'time-skip', description: 'Later: the reception is winding down and the DJ plays the last slow song.', weight: 2 },
    ],
    maxTurns: 14,
  },
  {
    id: 'good-news-on-a-bad-day',
    title: 'Sharing good news on a bad day',
    category: 'good-news',
    setting: [
      'their shared kitchen at nine in the evening, dinner going cold',
      'a phone call while {{partner}} walks home from a long day',
      'a late-night video call across two time zones',
    ],
    premise:
      '{{self}} has just heard that the promotion {{self}} spent a year working toward is real: a new title and a proper raise. ' +
      '{{self}} can’t wait to tell {{partner}}. But {{partner}} had a terrible day: the project {{partner}} led for six months ' +
      'was cancelled in a meeting this afternoon. {{self}} does not know yet, and {{partner}} has not decided whether to say.',
    stressorIntensity: { min: 1, max: 3 },
    stakes: [
      'whether good news can be celebrated while one of them is hurting',
      'whether {{partner}}’s disappointment turns into quiet envy',
      'how they make room for two opposite feelings at once',
    ],
    privateGoals: {
      self: [
        'Share the news and have {{partner}} be genuinely happy for you; it matters more than you will admit.',
        'Celebrate tonight. You already bought a bottle of wine.',
        'Notice if something is wrong with {{partner}} and make room for it, without giving up your own moment.',
      ],
      partner: [
        'Be happy for {{self}} and keep your own bad day to yourself until tomorrow.',
        'Get a little comfort for your own day without taking {{self}}’s moment away.',
        'Don’t let {{self}} see that the news stings; you were passed over for promotion last year.',
      ],
    },
    events: [
      { kind: 'phone-call', description: '{{self}}’s mother calls to congratulate {{self}}, loudly enough that {{partner}} hears every word.', weight: 3 },
      { kind: 'late-reply', description: '{{partner}}’s manager finally answers an email from the afternoon: “Let’s discuss your role next week.”', weight: 2 },
      { kind: 'friend-remark', description: 'A colleague posts congratulations to {{self}} in a group chat {{partner}} is also in.', weight: 2 },
      { kind: 'time-skip', description: 'Dinner is over. The wine is half gone.', weight: 1 },
    ],
    openingLine: { speaker: 'self', text: 'Okay, sit down. I have news. Actually, how was your day? No, news first, I can’t wait.' },
    maxTurns: 12,
  },
];
