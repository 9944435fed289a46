/**
 * Character Card V2 ("chara_card_v2"), the interchange format of SillyTavern, Agnai, RisuAI
 * and other role-play front ends. Shapes follow the spec text
 * (github.com/malfoyslastname/character-card-spec-v2, spec_v2.md): V1's six fields moved
 * under `data`, plus the V2 additions. `extensions` must be kept intact by editors, which is
 * why SoulLink's own fields travel there.
 */
export interface CharacterCardV2 {
  spec: 'chara_card_v2';
  spec_version: '2.0';
  data: CharacterCardV2Data;
}

export interface CharacterCardV2Data {
  name: string;
  description: string;
  personality: string;
  scenario: string;
  first_mes: string;
  /** Example dialogues: blocks opened by `<START>`, lines `{{char}}: …` / `{{user}}: …`. */
  mes_example: string;
  creator_notes: string;
  system_prompt: string;
  post_history_instructions: string;
  alternate_greetings: string[];
  character_book?: CharacterBook;
  tags: string[];
  creator: string;
  character_version: string;
  extensions: Record<string, unknown>;
}

/** A lorebook embedded in the card. SoulLink neither writes nor keeps one. */
export interface CharacterBook {
  name?: string;
  description?: string;
  scan_depth?: number;
  token_budget?: number;
  recursive_scanning?: boolean;
  extensions: Record<string, unknown>;
  entries: CharacterBookEntry[];
}

export interface CharacterBookEntry {
  keys: string[];
  content: string;
  extensions: Record<string, unknown>;
  enabled: boolean;
  insertion_order: number;
  case_sensitive?: boolean;
  name?: string;
  priority?: number;
  id?: number;
  comment?: string;
  selective?: boolean;
  secondary_keys?: string[];
  constant?: boolean;
  position?: 'before_char' | 'after_char';
}
