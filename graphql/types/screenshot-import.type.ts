import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum BubbleSideEnum {
  LEFT = 'LEFT',
  RIGHT = 'RIGHT',
}
registerEnumType(BubbleSideEnum, {
  name: 'BubbleSide',
  description: 'The side of the chat a bubble sits on (most apps: LEFT the other person, RIGHT the phone’s owner).',
  valuesConfig: {
    LEFT: { description: 'Bubbles on the left: usually the other person.' },
    RIGHT: { description: 'Bubbles on the right: usually the phone’s owner.' },
  },
});

@ObjectType('ScreenshotMessage', { description: 'A message read from chat screenshots, before speakers are named.' })
export class ScreenshotMessageType {
  @Field(() => Int, { description: 'Position in the stitched conversation: sideCorrections and dropIndexes refer to it.' })
  index!: number;

  @Field(() => BubbleSideEnum, { description: 'From the bubble’s position and colour.' })
  side!: BubbleSideEnum;

  @Field({ description: 'The message text as read by OCR.' })
  text!: string;

  @Field(() => Date, { nullable: true, description: 'From the nearest time separator above it; null when none was visible.' })
  sentAt!: Date | null;

  @Field(() => ID, { description: 'The screenshot it was read from.' })
  screenshotId!: string;
}

@ObjectType('SpeakerMapping', { description: 'Who writes on each side, and which side is the persona.' })
export class SpeakerMappingType {
  @Field({ description: 'The name to give messages on the left.' })
  leftSpeaker!: string;

  @Field({ description: 'The name to give messages on the right.' })
  rightSpeaker!: string;

  @Field(() => BubbleSideEnum, { description: 'The side the persona writes on.' })
  personaSide!: BubbleSideEnum;
}

@ObjectType('ScreenshotImportPreview', {
  description: 'What chat screenshots say, for you to check before importing: messages by side and a proposed speaker mapping. Nothing is imported yet.',
})
export class ScreenshotImportPreviewType {
  @Field(() => [ScreenshotMessageType], { description: 'The messages read, in conversation order.' })
  messages!: ScreenshotMessageType[];

  @Field(() => SpeakerMappingType, { description: 'Proposed: the persona on the left, you on the right. Confirm or correct it in importScreenshots.' })
  proposedMapping!: SpeakerMappingType;

  @Field(() => Int, { description: 'Messages shown again by the next screenshot and kept once.' })
  overlapsRemoved!: number;

  @Field(() => Int, { description: 'Lines nobody wrote that were left out: notices such as "以下为新消息" or "You recalled a message", the title bar, centred grey lines.' })
  droppedSystemLines!: number;

  @Field(() => Int, { description: 'Time and date separators read.' })
  timeSeparators!: number;
}
