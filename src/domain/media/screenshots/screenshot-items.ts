/** Which side of the chat a bubble sits on: the other person (left) or the phone's owner (right) in most apps. */
export type BubbleSide = 'LEFT' | 'RIGHT';

/** What one screenshot says, top to bottom, once system lines are gone. */
export type ScreenshotItem =
  | { kind: 'message'; side: BubbleSide; text: string; /** RGB of the bubble, for the record. */ colour: string }
  | { kind: 'time'; at: Date; label: string };

/** A message of a stitched conversation, before speakers are named. */
export interface ScreenshotMessage {
  /** 0-based position in the stitched conversation. */
  index: number;
  side: BubbleSide;
  text: string;
  /** From the nearest time separator above it; null when none was visible. */
  sentAt: Date | null;
  /** The screenshot it was read from (the first one, when screenshots overlap). */
  screenshotId: string;
}
