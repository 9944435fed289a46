/**
 * The quick start's demo couple: the demo user's SELF persona (Alex) and a PARTNER persona
 * (Mei) built from a short, invented chat log (demo/mei-and-alex.chat.txt).
 */
export const DEMO_SELF = {
  kind: 'SELF' as const,
  name: 'Alex',
  age: 29,
  gender: 'man',
  description: 'Product designer in Shanghai. Plans ahead, a little anxious about money, loves cooking for friends.',
  interests: ['cooking', 'cycling', 'board games'],
  values: ['honesty', 'stability', 'family'],
  goals: ['move in together within a year', 'save for a flat'],
  dealbreakers: ['lying', 'smoking'],
};

export const DEMO_PARTNER = {
  kind: 'PARTNER' as const,
  name: 'Mei',
  age: 27,
  gender: 'woman',
  relationshipContext: 'dating 3 months',
  description: 'Nurse on rotating shifts. Warm, teasing, spontaneous; needs reassurance after long shifts; close to her family.',
  interests: ['hiking', 'hotpot', 'karaoke'],
  values: ['family', 'freedom', 'kindness'],
  goals: ['travel more', 'keep her independence'],
  dealbreakers: ['coldness', 'jealousy'],
};

export const DEMO_CHAT_SPEAKER = 'Mei';
