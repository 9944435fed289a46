import { replyTimeProfile, type ReplyTimeMessage } from './reply-time';

const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);
const them = (minutes: number | null): ReplyTimeMessage => ({ sentAt: minutes === null ? null : at(minutes), fromPersona: false });
const persona = (minutes: number | null): ReplyTimeMessage => ({ sentAt: minutes === null ? null : at(minutes), fromPersona: true });

describe('replyTimeProfile', () => {
  it('When the persona answers, Then the delay runs from the other side’s last message to her first', () => {
    const profile = replyTimeProfile([them(0), them(5), persona(7), persona(30), them(40), persona(44)]);
    expect(profile).toEqual({ medianSeconds: 180, p90Seconds: 228, sampleSize: 2 });
  });

  it('When a gap exceeds 12 hours, Then it is a new conversation, not a reply', () => {
    expect(replyTimeProfile([them(0), persona(13 * 60), them(14 * 60), persona(14 * 60 + 10)])).toEqual({
      medianSeconds: 600,
      p90Seconds: 600,
      sampleSize: 1,
    });
  });

  it('When timestamps are missing or run backwards, Then those turns are skipped', () => {
    expect(replyTimeProfile([them(null), persona(3), them(10), persona(null), them(20), persona(19)])).toBeNull();
  });

  it('When the persona only ever starts the conversation, Then there is no reply time', () => {
    expect(replyTimeProfile([persona(0), persona(1)])).toBeNull();
  });
});
