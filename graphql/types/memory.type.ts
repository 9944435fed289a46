import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MemoryView } from '../../src/domain/memories/memory-view';

export enum MemoryKindEnum {
  SUMMARY = 'SUMMARY',
  EVENT = 'EVENT',
  FACT = 'FACT',
}
export enum MemoryAgentView {
  partner = 'partner',
  coach = 'coach',
}
registerEnumType(MemoryKindEnum, {
  name: 'MemoryKind',
  description: 'What sort of thing a memory is.',
  valuesConfig: {
    SUMMARY: { description: 'A summary of a stretch of conversation.' },
    EVENT: { description: 'Something that happened or is planned (a trip, an exam, a fight).' },
    FACT: { description: 'A standing fact about you (factKey names it; a newer fact with the same key replaces it).' },
  },
});
registerEnumType(MemoryAgentView, {
  name: 'MemoryView',
  description: 'Whose memory: what the partner remembers, or the coach’s notes.',
  valuesConfig: {
    partner: { description: 'What the partner agent remembers and brings up in chats.' },
    coach: { description: 'The coach’s notes, used for suggestions.' },
  },
});

@ObjectType('Memory', { description: 'Something an agent remembers about you, drawn from your chats.' })
export class MemoryType {
  @Field(() => ID, { description: 'The memory’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The persona whose chats it was drawn from.' })
  personaId!: string;

  @Field(() => MemoryAgentView, { description: 'Whose memory it is.' })
  view!: MemoryAgentView;

  @Field(() => MemoryKindEnum, { description: 'What sort of thing it is.' })
  kind!: MemoryKindEnum;

  @Field({ description: 'What is remembered, in a sentence.' })
  text!: string;

  @Field(() => Int, { description: '1–10.' })
  importance!: number;

  @Field(() => String, { nullable: true, description: 'FACTs: what it is about (e.g. sister.name); a newer fact with the same key replaces it.' })
  factKey!: string | null;

  @Field({ description: 'Since when it holds.' })
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stopped holding (replaced or corrected); null while it holds.' })
  validTo!: Date | null;

  @Field(() => [ID], { description: 'The chat messages it was drawn from.' })
  sourceMessageIds!: string[];

  @Field(() => Float, { nullable: true, description: 'Search results: the ranking score (similarity, recency, importance).' })
  score!: number | null;

  @Field({ description: 'When it was stored.' })
  createdAt!: Date;

  static from(view: MemoryView): MemoryType {
    return Object.assign(new MemoryType(), {
      id: view.id,
      personaId: view.personaId,
      view: view.view as MemoryAgentView,
      kind: view.kind as MemoryKindEnum,
      text: view.text,
      importance: view.importance,
      factKey: view.factKey ?? null,
      validFrom: view.validFrom,
      validTo: view.validTo,
      sourceMessageIds: view.sourceMessageIds,
      score: view.score ?? null,
      createdAt: view.createdAt,
    });
  }
}
