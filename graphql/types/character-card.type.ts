import { Field, Int, ObjectType } from 'type-graphql';
import { SOULLINK_EXTENSION_KEY, type SoulLinkExtension } from '../../src/domain/personas/character-card/card-schema';
import type { CharacterCardV2 } from '../../src/domain/personas/character-card/character-card-v2';

@ObjectType('SoulLinkCardExtension', {
  description: 'The persona exactly as SoulLink holds it (`data.extensions.soullink` in the card file), so importing the card back loses nothing.',
})
export class SoulLinkCardExtensionType {
  @Field(() => Int, { description: 'Version of this extension’s shape (1).' })
  version!: number;

  @Field(() => Int, { nullable: true, description: 'Age in years, when known.' })
  age!: number | null;

  @Field(() => String, { nullable: true, description: 'Gender as the persona states it, when known.' })
  gender!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "dating 3 months", "crush", "ex".' })
  relationshipContext!: string | null;

  @Field({ description: 'The persona’s own description.' })
  description!: string;

  @Field(() => [String], { description: 'Interests.' })
  interests!: string[];

  @Field(() => [String], { description: 'Values.' })
  values!: string[];

  @Field(() => [String], { description: 'Relationship goals.' })
  goals!: string[];

  @Field(() => [String], { description: 'Dealbreakers.' })
  dealbreakers!: string[];

  @Field(() => String, { nullable: true, description: 'The summary of the newest completed analysis, if any.' })
  personalitySummary!: string | null;

  @Field(() => [String], { description: 'How the person really writes: messages from imported chats (owner only, as here).' })
  speakingSamples!: string[];

  @Field(() => String, { nullable: true, description: 'The first message a role-play starts with, when set.' })
  greeting!: string | null;
}

@ObjectType('CharacterCardData', {
  description: 'The card’s `data` object. Field names are the camelCase of the Character Card V2 spec’s (noted on each field).',
})
export class CharacterCardDataType {
  @Field({ description: '`name`: the character’s name.' })
  name!: string;

  @Field({ description: '`description`: who the character is, with a facts block (age, relationship, interests, values…).' })
  description!: string;

  @Field({ description: '`personality`: a short personality summary (from the newest completed analysis); may be empty.' })
  personality!: string;

  @Field({ description: '`scenario`: the relationship context the role-play starts from.' })
  scenario!: string;

  @Field({ description: '`first_mes`: the greeting; may be empty.' })
  firstMessage!: string;

  @Field({ description: '`mes_example`: example dialogues (`<START>` blocks, `{{char}}:` lines) from how the person really writes.' })
  messageExample!: string;

  @Field({ description: '`creator_notes`: notes for people using the card.' })
  creatorNotes!: string;

  @Field({ description: '`system_prompt`: empty (SoulLink leaves the tool’s own prompt in place).' })
  systemPrompt!: string;

  @Field({ description: '`post_history_instructions`: empty.' })
  postHistoryInstructions!: string;

  @Field(() => [String], { description: '`alternate_greetings`.' })
  alternateGreetings!: string[];

  @Field(() => [String], { description: '`tags`.' })
  tags!: string[];

  @Field({ description: '`creator`: the exporting user’s display name.' })
  creator!: string;

  @Field({ description: '`character_version`.' })
  characterVersion!: string;

  @Field(() => SoulLinkCardExtensionType, { nullable: true, description: '`extensions.soullink`: SoulLink’s own fields. Null only for a card without them.' })
  soullink!: SoulLinkCardExtensionType | null;
}

@ObjectType('CharacterCard', {
  description:
    'A persona as a Character Card V2 (chara_card_v2), the interchange format of SillyTavern, Agnai, RisuAI and other role-play tools. Read the typed fields, or save `json` as the card file.',
})
export class CharacterCardType {
  @Field({ description: 'Always "chara_card_v2".' })
  spec!: string;

  @Field({ description: 'Always "2.0".' })
  specVersion!: string;

  @Field(() => CharacterCardDataType, { description: 'The card’s content.' })
  data!: CharacterCardDataType;

  @Field({ description: 'The card file itself as JSON text (chara_card_v2): what other tools and importCharacterCard read.' })
  json!: string;

  static from(card: CharacterCardV2): CharacterCardType {
    const d = card.data;
    const extension = d.extensions[SOULLINK_EXTENSION_KEY] as SoulLinkExtension | undefined;
    return Object.assign(new CharacterCardType(), {
      spec: card.spec,
      specVersion: card.spec_version,
      json: JSON.stringify(card),
      data: Object.assign(new CharacterCardDataType(), {
        name: d.name,
        description: d.description,
        personality: d.personality,
        scenario: d.scenario,
        firstMessage: d.first_mes,
        messageExample: d.mes_example,
        creatorNotes: d.creator_notes,
        systemPrompt: d.system_prompt,
        postHistoryInstructions: d.post_history_instructions,
        alternateGreetings: d.alternate_greetings,
        tags: d.tags,
        creator: d.creator,
        characterVersion: d.character_version,
        soullink: extension ? Object.assign(new SoulLinkCardExtensionType(), extension) : null,
      }),
    });
  }
}
