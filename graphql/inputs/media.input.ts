import { Field, ID, InputType, Int } from 'type-graphql';
import { BubbleSideEnum } from '../types/screenshot-import.type';

@InputType({ description: 'A file to delete, with everything derived from it.' })
export class DeleteMediaFileInput {
  @Field(() => ID, { description: 'The file to delete.' })
  id!: string;
}

@InputType({ description: 'Screenshots of one conversation to read for a persona.' })
export class PreviewScreenshotImportInput {
  @Field(() => ID, { description: 'One of your personas: the person in the screenshots.' })
  personaId!: string;

  @Field(() => [ID], { description: 'Uploaded SCREENSHOT files, in the conversation’s order (oldest first), at most 20. Overlaps between neighbours are removed.' })
  screenshotIds!: string[];

  @Field(() => Int, { nullable: true, description: 'Screenshots show local times: minutes east of UTC (e.g. 480 for UTC+8). Default 0.' })
  timeZoneOffsetMinutes?: number;
}

@InputType({ description: 'A message whose side the preview got wrong.' })
export class SideCorrectionInput {
  @Field(() => Int, { description: 'ScreenshotMessage.index from the preview.' })
  index!: number;

  @Field(() => BubbleSideEnum, { description: 'The side the message really belongs to.' })
  side!: BubbleSideEnum;
}

@InputType({ description: 'The confirmed (or corrected) speaker mapping for screenshots you previewed.' })
export class ImportScreenshotsInput {
  @Field(() => ID, { description: 'One of your personas: the person on personaSide.' })
  personaId!: string;

  @Field(() => [ID], { description: 'The same screenshots, in the same order, as in the preview.' })
  screenshotIds!: string[];

  @Field(() => Int, { description: 'Screenshots show local times: minutes east of UTC (e.g. 480 for UTC+8), as in the preview. Default 0.', nullable: true })
  timeZoneOffsetMinutes?: number;

  @Field({ description: 'Name of whoever writes on the left.' })
  leftSpeaker!: string;

  @Field({ description: 'Name of whoever writes on the right.' })
  rightSpeaker!: string;

  @Field(() => BubbleSideEnum, { description: 'Which side is the persona.' })
  personaSide!: BubbleSideEnum;

  @Field(() => [SideCorrectionInput], { nullable: true, description: 'Messages to move to the other side.' })
  sideCorrections?: SideCorrectionInput[];

  @Field(() => [Int], { nullable: true, description: 'Indexes of misread messages to leave out.' })
  dropIndexes?: number[];
}

@InputType({ description: 'A persona photo to analyse with the vision model.' })
export class AnalyzePersonaPhotoInput {
  @Field(() => ID, { description: 'The photo (PersonaPhoto.id) of one of your personas.' })
  photoId!: string;
}
