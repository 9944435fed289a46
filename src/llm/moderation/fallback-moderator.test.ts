import { FallbackModerator } from './fallback-moderator';
import { ModerationUnavailableError } from './moderation-unavailable.error';
import type { ModerationVerdict, Moderator } from '../../ports/moderation.port';

const allow: ModerationVerdict = { flagged: false, categories: [], scores: {}, action: 'allow' };
const block: ModerationVerdict = { flagged: true, categories: ['violence'], scores: { violence: 0.9 }, action: 'block' };

const answering = (verdict: ModerationVerdict): Moderator => ({ moderate: () => Promise.resolve(verdict) });
const failing = (error: Error): Moderator => ({ moderate: () => Promise.reject(error) });

describe('FallbackModerator', () => {
  it('When the primary answers, Then its verdict is used and the fallback is not asked', async () => {
    const fallback = { moderate: jest.fn(() => Promise.resolve(allow)) };
    await expect(new FallbackModerator(answering(block), fallback).moderate('x', 'input')).resolves.toBe(block);
    expect(fallback.moderate).not.toHaveBeenCalled();
  });

  it('When the primary is unavailable, Then the fallback decides and the fallback is reported', async () => {
    const unavailable = new ModerationUnavailableError('timeout', 'timed out');
    const onFallback = jest.fn();
    const moderator = new FallbackModerator(failing(unavailable), answering(block), onFallback);
    await expect(moderator.moderate('x', 'output')).resolves.toBe(block);
    expect(onFallback).toHaveBeenCalledWith(unavailable, 'output');
  });

  it('When the primary fails with any other error, Then it propagates: that is a bug, not an outage', async () => {
    const moderator = new FallbackModerator(failing(new TypeError('boom')), answering(allow));
    await expect(moderator.moderate('x', 'input')).rejects.toThrow(TypeError);
  });
});
