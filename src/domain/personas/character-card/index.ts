export type { CharacterBook, CharacterBookEntry, CharacterCardV2, CharacterCardV2Data } from './character-card-v2';
export type { PersonaCardFields } from './persona-card-fields';
export { CardParseError } from './card-parse-error';
export { CARD_LIMITS } from './card-schema';
export { toCharacterCardV2 } from './to-character-card';
export { fromCharacterCard } from './from-character-card';
export { embedCardInPng, extractCardFromPng } from './card-png';
