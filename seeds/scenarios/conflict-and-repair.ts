import type { ScenarioTemplate } from '../../src/kernel/simulation/scenarios/scenario-template.schema';

/** Everyday friction and its repair: money, chores, jealousy, a remark that hurt. */
export const CONFLICT_AND_REPAIR: ScenarioTemplate[] = [
  {
    id: 'money-rent-on-unequal-incomes',
    title: 'Splitting rent on unequal incomes',
    category: 'money',
    setting: [
      'the evening after viewing a flat they both loved',
      'the dining table, a spreadsheet of monthly costs open between them',
      'the walk home from a dinner {{partner}} paid for, again',
    ],
    premise:
      '{{self}} and {{partner}} are about to move in together. {{partner}} earns roughly twice what {{self}} earns. ' +
      'The flat they both loved costs more than {{self}} can comfortably pay half of, and the landlord wants an answer by Friday.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'whether splitting fifty-fifty is fair or merely equal',
      '{{self}}’s sense of independence',
      'whether they take the flat at all',
    ],
    privateGoals: {
      self: [
        'Propose splitting costs in proportion to income, without sounding like you are asking for charity.',
        'Insist on paying exactly half even if it means a smaller flat; owing anyone money makes you anxious, because of how your parents fought about it.',
        'Find out how {{partner}} thinks about money in the long run: saving, spending, supporting family.',
      ],
      partner: [
        'Take the flat you both loved and offer to cover the difference; you don’t see why money should decide it.',
        'Keep everything fifty-fifty. You once supported an ex who then left, and you will not do it again, though you have never told {{self}} that.',
        'Agree a simple system for shared costs tonight, so it never becomes a running argument.',
      ],
    },
    events: [
      { kind: 'news', description: 'The landlord texts: another couple has offered the full asking price.', weight: 3 },
      { kind: 'phone-call', description: '{{self}}’s younger brother calls asking to borrow money for his tuition deposit.', weight: 2 },
      { kind: 'interruption', description: 'A banking app notification lights up {{self}}’s phone: low balance warning.', weight: 2 },
      { kind: 'friend-remark', description: '{{partner}} remembers a friend’s warning: “Whoever pays more ends up deciding more. Every time.”', weight: 1 },
    ],
    maxTurns: 14,
  },
  {
    id: 'money-loan-to-family',
    title: 'A parent asks for a loan',
    category: 'money',
    setting: [
      'Sunday morning, straight after {{partner}}’s call with their father',
      'the car on the way back from visiting {{partner}}’s parents',
      'late at night in bed, when neither can sleep',
    ],
    premise:
      '{{partner}}’s father has asked to borrow 80,000 yuan to keep his small restaurant open. That is most of what ' +
      '{{self}} and {{partner}} have saved together for a down payment. {{partner}} feels a child cannot refuse a parent; ' +
      '{{self}} has heard about the restaurant’s troubles before.',
    stressorIntensity: { min: 3, max: 5 },
    stakes: [
      'the down payment they have been saving for two years',
      '{{partner}}’s relationship with their father',
      'whether joint savings mean joint decisions',
    ],
    privateGoals: {
      self: [
        'Get {{partner}} to agree that a decision this big is made together, whatever it turns out to be.',
        'Offer a smaller amount or another kind of help, without making {{partner}}’s father sound irresponsible.',
        'Find out whether this has happened before; you suspect {{partner}} has been sending money quietly.',
      ],
      partner: [
        'Get {{self}} to agree to lend the full amount; in your family you do not say no to a parent.',
        'Admit that you already promised your father before talking to {{self}}, and hope it doesn’t blow up.',
        'Find a middle way that lets your father keep his dignity.',
      ],
    },
    events: [
      { kind: 'phone-call', description: '{{partner}}’s father calls again, asking whether the transfer can be made today.', weight: 3 },
      { kind: 'friend-remark', description: '{{partner}}’s cousin messages: “Uncle says you’re the only one he can count on. Don’t let him down.”', weight: 2 },
      { kind: 'news', description: 'The estate agent emails: a flat they liked has dropped in price and is available next month.', weight: 2 },
      { kind: 'time-skip', description: 'The next morning. Neither of them slept well.', weight: 1 },
    ],
    maxTurns: 14,
    languageHints: ['zh-CN'],
  },
  {
    id: 'chores-mental-load',
    title: 'Who notices the dishes',
    category: 'chores',
    setting: [
      'Sunday evening, a sink full of the weekend’s dishes',
      'the morning after {{self}} cleaned the whole flat alone before friends came over',
      'a message thread that starts with a photo of the overflowing bin',
    ],
    premise:
      '{{self}} and {{partner}} have lived together for eight months. On paper the chores are split evenly; in practice ' +
      '{{self}} notices, plans and reminds, and {{partner}} helps when asked. {{self}} is tired of being the household manager. ' +
      '{{partner}} feels nagged about things {{partner}} would have done later anyway.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'whether the work of noticing and remembering counts as work',
      'resentment that has been building for months',
      'what living together will look like in ten years',
    ],
    privateGoals: {
      self: [
        'Make {{partner}} understand that planning and remembering is work too, without reading out a list of failures.',
        'Agree one concrete change today: {{partner}} owns the laundry or the groceries completely, start to finish.',
        'Say how tired you are without starting a fight; last time it ended with a slammed door.',
      ],
      partner: [
        'Be recognised for what you already do (cooking, the car, the bills), which you feel goes unnoticed.',
        'Get {{self}} to stop reminding you; being reminded makes you feel like a child.',
        'Find a system that does not depend on anyone keeping score.',
      ],
    },
    events: [
      { kind: 'interruption', description: 'The washing machine beeps: a load {{partner}} started yesterday has sat wet overnight and smells.', weight: 3 },
      { kind: 'friend-remark', description: '{{partner}} recalls a friend joking on a visit last week: “Wow, {{self}} really has you trained.”', weight: 2 },
      { kind: 'phone-call', description: '{{partner}}’s mother calls and asks whether {{self}} is “keeping the place nice for you”.', weight: 1 },
      { kind: 'time-skip', description: 'A week later they check in on how the new arrangement is going.', weight: 2 },
    ],
    maxTurns: 12,
  },
  {
    id: 'jealousy-message-from-an-ex',
    title: 'A birthday message from an ex',
    category: 'jealousy',
    setting: [
      'late evening, both in bed scrolling their phones',
      'a friend’s dinner party, {{partner}}’s phone face-up on the table',
      'the next morning over breakfast',
    ],
    premise:
      'At midnight on {{partner}}’s birthday, {{partner}}’s ex sent a long message ending “I still think about us sometimes”. ' +
      '{{self}} saw the preview. {{partner}} replied “thank you ❤️” and has not mentioned it. {{partner}} and the ex were together ' +
      'for four years and still share a close group of friends.',
    stressorIntensity: { min: 2, max: 5 },
    stakes: [
      'trust, and what counts as hiding something',
      'boundaries with an ex who is still part of the friend group',
      'whether {{self}} can raise it without sounding controlling',
    ],
    privateGoals: {
      self: [
        'Find out what the heart meant and whether they are still in touch, without demanding to see {{partner}}’s phone.',
        'Ask for a boundary: no more private one-to-one contact with the ex.',
        'Admit plainly that you are jealous, instead of pretending you are fine.',
      ],
      partner: [
        'Reassure {{self}} without giving up a friendship you see as harmless.',
        'Explain that you didn’t mention it because it meant nothing, while feeling a little hurt at being questioned.',
        'Get {{self}} to trust you enough that you never have to show your phone to prove anything.',
      ],
    },
    events: [
      { kind: 'late-reply', description: '{{partner}}’s phone buzzes: the ex again. “Did you get my message? 🙂”', weight: 3 },
      { kind: 'friend-remark', description: 'A mutual friend comments on {{partner}}’s birthday photos: “Feels like old times with you two!”, tagging the ex.', weight: 2 },
      { kind: 'news', description: '{{partner}} is invited on a group trip next month. The ex is going.', weight: 2 },
      { kind: 'interruption', description: '{{self}}’s sister texts: “Did you talk to {{partner}} about the ex thing yet?”', weight: 1 },
    ],
    maxTurns: 14,
  },
  {
    id: 'repair-after-a-joke-that-hurt',
    title: 'Repair after a remark at dinner',
    category: 'repair',
    setting: [
      'the drive home from dinner with friends, in silence',
      'the next morning, {{partner}} already dressed and about to leave',
      'a message thread, because {{partner}} stayed the night at a friend’s',
    ],
    premise:
      'At dinner with friends last night, when {{partner}} talked about going back to university, {{self}} joked: ' +
      '“Sure, like the pottery phase and the coding bootcamp.” Everyone laughed. {{partner}} went quiet for the rest of the evening. ' +
      '{{self}} knows it landed badly, but also thinks {{partner}} is overreacting to a joke.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'whether {{partner}} feels safe sharing plans in front of others',
      'whether the apology is real or just a way to end the silence',
      'a pattern of teasing that has been building for months',
    ],
    privateGoals: {
      self: [
        'Apologise in a way {{partner}} can accept, even though part of you still thinks it was only a joke.',
        'Repair things without grovelling, and explain that you are nervous about what a degree would cost.',
        'Find out whether {{partner}} is really serious about the degree this time.',
      ],
      partner: [
        'Hear {{self}} acknowledge that it was contempt, not just a joke, before you accept any apology.',
        'Say how much it hurt: for years you have told yourself your ambitions are silly.',
        'Get {{self}}’s real support for going back to university, not just permission.',
      ],
    },
    events: [
      { kind: 'friend-remark', description: 'A friend from last night texts {{partner}}: “That comment was out of line. You okay?”', weight: 3 },
      { kind: 'late-reply', description: '{{partner}} leaves {{self}}’s last message on read for two hours before answering.', weight: 2 },
      { kind: 'news', description: 'The university emails {{partner}}: the application deadline is in ten days.', weight: 2 },
      { kind: 'time-skip', description: 'Three days later. Things are polite but cool between them.', weight: 1 },
    ],
    openingLine: { speaker: 'self', text: 'Can we talk about last night? I think I messed up.' },
    maxTurns: 14,
  },
];
