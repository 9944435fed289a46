import type { ScenarioTemplate } from '../../src/kernel/simulation/scenarios/scenario-template.schema';

/**
 * Each other's families. The two agents are the only speakers, so relatives appear through
 * events and the couple talks in the moments they get alone.
 */
export const FAMILIES: ScenarioTemplate[] = [
  {
    id: 'meeting-the-parents',
    title: 'Meeting the parents',
    category: 'meeting-family',
    setting: [
      '{{partner}}’s parents’ flat, the table already set with eight dishes',
      'an expensive restaurant chosen by {{partner}}’s father',
      'a Sunday barbecue with the whole extended family',
    ],
    premise:
      'After a year together, {{self}} meets {{partner}}’s parents for the first time. {{partner}}’s mother asked many questions ' +
      'about {{self}}’s job and family beforehand; {{partner}}’s father has said almost nothing. {{partner}} warned {{self}} to avoid ' +
      'one topic but not why. The two of them talk in the moments they get alone: on the way in, in the kitchen, on the balcony, on the way home.',
    stressorIntensity: { min: 2, max: 4 },
    stakes: [
      'the parents’ approval, which {{partner}} cares about more than {{partner}} admits',
      'whether {{partner}} will stand up for {{self}} if things get awkward',
      'how each of them behaves under family pressure',
    ],
    privateGoals: {
      self: [
        'Make a good impression while staying yourself; you will not pretend your job is grander than it is.',
        'Find out why {{partner}} is so tense, and what exactly you should not mention.',
        'Get {{partner}} to back you up if the parents criticise your work or your background.',
      ],
      partner: [
        'Keep the evening smooth; your parents are traditional and you badly want them to like {{self}}.',
        'Keep everyone off the subject of your older brother, who has not spoken to your parents since his divorce.',
        'Find out on the way home what {{self}} really thought of your family.',
      ],
    },
    events: [
      { kind: 'friend-remark', description: '{{partner}}’s mother mentions, within {{self}}’s hearing, that {{partner}}’s previous partner “was a doctor, you know”.', weight: 3 },
      { kind: 'phone-call', description: '{{partner}}’s older brother calls in the middle of dinner; {{partner}}’s father says not to answer.', weight: 2 },
      { kind: 'interruption', description: '{{partner}}’s father asks {{self}} directly how much {{self}} earns and whether {{self}} owns a flat.', weight: 3 },
      { kind: 'time-skip', description: 'Dinner is over. They are alone in the car home.', weight: 2 },
    ],
    maxTurns: 14,
  },
  {
    id: 'spring-festival-with-in-laws',
    title: 'Spring Festival with the in-laws',
    category: 'meeting-family',
    setting: [
      '{{partner}}’s family home in a small town: five days, no room of their own',
      'New Year’s Eve dinner with twenty relatives and the TV gala in the background',
      'the walk to visit {{partner}}’s grandparents on the second day of the new year',
    ],
    premise:
      '{{self}} is spending Spring Festival with {{partner}}’s family in {{partner}}’s hometown for the first time. Relatives keep asking ' +
      'when they will marry and when there will be a child. {{self}}’s own parents are spending the holiday alone and have sent ' +
      'a few sad messages. The couple snatch moments alone to talk.',
    stressorIntensity: { min: 2, max: 5 },
    stakes: [
      'whose family they spend next Spring Festival with',
      'how {{partner}} handles the relatives’ pressure about marriage and children',
      '{{self}}’s guilt about their own parents',
    ],
    privateGoals: {
      self: [
        'Get {{partner}} to agree that next year you spend Spring Festival with your family.',
        'Ask {{partner}} to step in when relatives push about children; you cannot keep smiling through it.',
        'Be a gracious guest for {{partner}}’s sake, and find one moment alone together to breathe.',
      ],
      partner: [
        'Keep both your parents and {{self}} happy, which feels impossible.',
        'Get {{self}} to hand out red envelopes to the younger cousins and join the family photo; it matters to your mother.',
        'Promise nothing about next year until you have talked to your parents.',
      ],
    },
    events: [
      { kind: 'friend-remark', description: 'An aunt announces at dinner, “Next year we expect a little one at this table!”, and everyone looks at {{self}}.', weight: 3 },
      { kind: 'phone-call', description: '{{self}}’s mother video-calls. She is eating dumplings alone and says she is “fine, really”.', weight: 3 },
      { kind: 'interruption', description: '{{partner}}’s mother hands {{self}} an apron: the women will make dumplings while the men play mahjong.', weight: 2 },
      { kind: 'time-skip', description: 'Day four. Everyone is tired, and the house has been full since dawn.', weight: 1 },
    ],
    maxTurns: 16,
    languageHints: ['zh-CN'],
  },
];
