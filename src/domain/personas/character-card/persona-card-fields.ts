/** What SoulLink keeps on a persona that a character card can carry in or out. */
export interface PersonaCardFields {
  name: string;
  age: number | null;
  gender: string | null;
  /** e.g. "dating 3 months", "crush", "ex". */
  relationshipContext: string | null;
  description: string;
  interests: string[];
  values: string[];
  goals: string[];
  dealbreakers: string[];
  /** From an analysed profile, if any. */
  personalitySummary: string | null;
  /** From the style fingerprint: how the person actually writes. */
  speakingSamples: string[];
  greeting: string | null;
}
