import type { ScenarioTemplate } from '../../src/kernel/simulation/scenarios/scenario-template.schema';

/** Distance, careers, crises and the future: the situations that test long-term fit. */
export const LIFE_CHANGES: ScenarioTemplate[] = [
  {
    id: 'long-distance-seven-hours-apart',
    title: 'Long distance, seven hours apart',
    category: 'long-distance',
    setting: [
      'a video call at 11 pm for {{self}} and 4 pm for {{partner}}',
      'voice messages sent back and forth over a whole day',
      'a call from an airport lounge during {{partner}}’s layover',
    ],
    premise:
      '{{partner}} took a two-year research post in Berlin; {{self}} stayed in Shanghai. Seven months in, the calls are getting shorter, ' +
      'the time difference is winning, and the next visit is not booked. This conversation was supposed to be about booking flights.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'whether the distance has an end date',
      'who moves, and when',
      'a slow drift that neither of them wants to name',
    ],
    privateGoals: {
      self: [
        'Get a date for the end of the distance, or at least a real plan for setting one.',
        'Tell {{partner}} you feel you live in the gaps of their schedule, without it sounding like an ultimatum.',
        'Book the next visit before the call ends.',
      ],
      partner: [
        'Share your excitement about a possible one-year extension of the post, and watch how {{self}} reacts.',
        'Reassure {{self}} without promising to come back early; for the first time, the work is going well.',
        'Make the call feel warm and ordinary, not another planning meeting.',
      ],
    },
    events: [
      { kind: 'late-reply', description: '{{partner}}’s connection freezes for a minute; when it comes back, {{self}} has sent three messages.', weight: 2 },
      { kind: 'news', description: 'An email reaches {{partner}} during the call: the extension has been approved.', weight: 3 },
      { kind: 'interruption', description: '{{partner}}’s flatmate walks in to ask about tonight’s party, and {{self}} realises {{partner}} had plans.', weight: 2 },
      { kind: 'friend-remark', description: 'A friend of {{self}}’s posted today: “Long distance only works if someone has a plan to end it.”', weight: 1 },
      { kind: 'time-skip', description: 'Two weeks later, the next call.', weight: 1 },
    ],
    maxTurns: 12,
  },
  {
    id: 'career-move-offer-in-another-city',
    title: 'A job offer in another city',
    category: 'career-move',
    setting: [
      'the evening the offer email arrives',
      'a walk in the park the weekend before the deadline',
      'a weeknight over takeaway, the deadline tomorrow',
    ],
    premise:
      '{{self}} has been offered a dream job in Shenzhen, with a 40% raise and a team {{self}} admires, and has one week to decide. ' +
      '{{partner}} has just been made team lead here and co-owns the flat they share. {{self}} has said neither yes nor no. ' +
      'They both know what moving would mean.',
    stressorIntensity: { min: 2, max: 5 },
    stakes: [
      '{{self}}’s career',
      '{{partner}}’s career and roots',
      'whether one person’s ambition becomes the couple’s project or the couple’s sacrifice',
    ],
    privateGoals: {
      self: [
        'Get {{partner}} to seriously consider moving with you, rather than just saying “do whatever makes you happy”.',
        'Decide together whether to try long distance for a year.',
        'Find out what {{partner}} actually wants, even if it means turning the job down.',
      ],
      partner: [
        'Support {{self}} without offering to give up your promotion, which took you three years.',
        'Say honestly that you do not want to move, and find out whether the relationship can take that.',
        'Ask for time: a decision this big should not be made in a week.',
      ],
    },
    events: [
      { kind: 'phone-call', description: 'The recruiter calls {{self}}: accept today and the company adds a relocation bonus.', weight: 3 },
      { kind: 'news', description: '{{partner}}’s company announces a restructuring; {{partner}}’s new role might not survive it.', weight: 2 },
      { kind: 'friend-remark', description: '{{partner}}’s best friend says: “If {{self}} goes, you know it’s over. Nobody comes back.”', weight: 2 },
      { kind: 'time-skip', description: 'Five days later. The deadline is tomorrow morning.', weight: 2 },
    ],
    maxTurns: 14,
  },
  {
    id: 'crisis-parent-in-hospital',
    title: 'A parent in intensive care',
    category: 'crisis',
    setting: [
      'a hospital corridor at 2 am, beside a vending machine',
      'the hospital car park early in the morning',
      'a phone call, {{partner}} four hours away by train',
    ],
    premise:
      '{{self}}’s father had a stroke this morning and is in intensive care; the doctors will know more in forty-eight hours. ' +
      '{{self}} is exhausted, frightened, and trying to manage siblings, doctors and work at once. ' +
      '{{partner}} wants to help but is not sure what help looks like.',
    stressorIntensity: { min: 4, max: 5 },
    stakes: [
      'whether {{self}} can lean on {{partner}} or ends up carrying everything alone',
      '{{partner}}’s place in {{self}}’s family in a crisis',
      'practical decisions: who takes leave, who stays, who pays',
    ],
    privateGoals: {
      self: [
        'Be allowed to fall apart for a moment without having to look after {{partner}}’s feelings too.',
        'Ask {{partner}} for one concrete thing, staying the night or calling your boss, which you find very hard to do.',
        'Hold it together: your family relies on you, and you do not want to cry in front of anyone.',
      ],
      partner: [
        'Be a steady presence: listen more than you fix.',
        'Offer to take leave and stay, and find out whether {{self}} actually wants that.',
        'Manage your own fear; your mother died in a hospital like this one and it is bringing everything back.',
      ],
    },
    events: [
      { kind: 'news', description: 'A nurse comes out: {{self}}’s father is stable but has not woken up yet.', weight: 3 },
      { kind: 'phone-call', description: '{{self}}’s boss calls to ask whether {{self}} will still give tomorrow’s client presentation.', weight: 2 },
      { kind: 'friend-remark', description: '{{self}}’s older sister arrives and says, in front of {{partner}}: “This is a family matter.”', weight: 2 },
      { kind: 'interruption', description: 'The billing office asks for a deposit before the next treatment, due today.', weight: 1 },
      { kind: 'time-skip', description: 'Twelve hours later. Neither of them has slept.', weight: 2 },
    ],
    maxTurns: 12,
  },
  {
    id: 'future-plans-children',
    title: 'Do we want children?',
    category: 'future-plans',
    setting: [
      'a slow Sunday morning in bed',
      'the evening after babysitting {{partner}}’s niece all afternoon',
      'the long drive back from a friend’s baby shower',
    ],
    premise:
      '{{self}} and {{partner}} have been together two years and talk vaguely about “later”. Today {{partner}} said ' +
      '“one day, when we have our own”, and {{self}} froze. They have never actually talked about whether they want children, ' +
      'how many, or when.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'a possible dealbreaker neither of them has named',
      'timing: careers, age and money',
      'how honest they can be about something that scares them',
    ],
    privateGoals: {
      self: [
        'Say honestly that you are not sure you ever want children, and find out whether that ends things.',
        'Talk about timing: you want children, but not for at least five years.',
        'Find out what {{partner}} imagines parenthood looks like: who stays home, whose parents help.',
      ],
      partner: [
        'Find out, gently, whether {{self}} wants children at all; you have always assumed so.',
        'Say that you want to start trying within two years, and that your age matters to you.',
        'Don’t pressure {{self}}, but don’t let the conversation end in “we’ll see” again.',
      ],
    },
    events: [
      { kind: 'phone-call', description: '{{partner}}’s mother calls and, as usual, asks when she will be a grandmother.', weight: 2 },
      { kind: 'news', description: 'A friend announces in the group chat that she is pregnant with twins.', weight: 2 },
      { kind: 'interruption', description: 'The neighbours’ baby starts crying through the wall, loudly and for a long time.', weight: 1 },
      { kind: 'time-skip', description: 'That evening, they come back to the conversation.', weight: 2 },
    ],
    maxTurns: 14,
  },
  {
    id: 'future-plans-where-is-this-going',
    title: 'Where is this going?',
    category: 'future-plans',
    setting: [
      'their third anniversary dinner',
      'the walk home from a friend’s engagement party',
      'a weekend away at a hot-spring inn',
    ],
    premise:
      '{{self}} and {{partner}} have been together three years and still live apart. {{self}}’s lease ends in two months. ' +
      '{{partner}} keeps saying “soon” about moving in, and marriage has only ever come up as a joke. ' +
      'This time {{self}} means to ask directly.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'moving in, marriage, or neither',
      'what each of them thinks commitment looks like',
      'whether “soon” means anything',
    ],
    privateGoals: {
      self: [
        'Get a clear answer: do you move in together when your lease ends, yes or no?',
        'Find out whether {{partner}} wants to marry at all, or thinks it is just paperwork.',
        'Stay calm and curious even if the answer is not the one you want.',
      ],
      partner: [
        'Explain why you keep saying “soon”: you are scared of repeating your parents’ marriage.',
        'Propose a middle step, moving in now and talking about marriage in a year, and see whether it is enough.',
        'Tell {{self}} you want to marry them, and that you have been saving for a proper proposal.',
      ],
    },
    events: [
      { kind: 'friend-remark', description: 'A friend texts {{self}}: “Three years and no keys? I’d be asking questions.”', weight: 2 },
      { kind: 'news', description: '{{self}}’s landlord emails: the lease can be renewed for a year, but only if {{self}} signs this week.', weight: 3 },
      { kind: 'phone-call', description: '{{partner}}’s parents call to say that, after thirty years, they are separating.', weight: 1 },
      { kind: 'time-skip', description: 'A week later. The lease decision is due tomorrow.', weight: 2 },
    ],
    maxTurns: 14,
  },
];
