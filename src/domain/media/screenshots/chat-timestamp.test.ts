import { parseChatTimestamp } from './chat-timestamp';

// Thursday 2026-03-05 12:00 in UTC+8.
const reference = new Date('2026-03-05T04:00:00Z');
const at = (s: string) => parseChatTimestamp(s, reference, 480)?.toISOString();

describe('parseChatTimestamp', () => {
  it.each([
    ['10:32', '2026-03-05T02:32:00.000Z'],
    ['昨天 21:14', '2026-03-04T13:14:00.000Z'],
    ['昨天21:14', '2026-03-04T13:14:00.000Z'],
    ['下午3:05', '2026-03-05T07:05:00.000Z'],
    ['星期二 09:12', '2026-03-03T01:12:00.000Z'],
    ['3月1日 10:32', '2026-03-01T02:32:00.000Z'],
    ['2024年3月5日 上午10:32', '2024-03-05T02:32:00.000Z'],
    ['2024年3月5日', '2024-03-04T16:00:00.000Z'],
    ['Yesterday 9:41 PM', '2026-03-04T13:41:00.000Z'],
    ['Mon 10:32', '2026-03-02T02:32:00.000Z'],
    ['3/1/26 10:32 AM', '2026-03-01T02:32:00.000Z'],
    ['2024-03-05 10:32', '2024-03-05T02:32:00.000Z'],
  ])('When a separator reads "%s", Then it is that moment in the user\'s clock', (text, iso) => {
    expect(at(text)).toBe(iso);
  });

  it.each(['以下为新消息', 'You recalled a message', 'ok 10:32 see you', '25:61'])('When a line is not a time ("%s"), Then it is null', (text) => {
    expect(at(text)).toBeUndefined();
  });
});
