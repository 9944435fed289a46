import { ManualClock } from './manual-clock';
import { systemClock } from './system-clock';

describe('ManualClock', () => {
  it('When time is advanced or set, Then now() says so and stands still otherwise', () => {
    const clock = new ManualClock('2026-03-31T23:59:59.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-31T23:59:59.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-31T23:59:59.000Z');
    clock.advance(1_000);
    expect(clock.now().toISOString()).toBe('2026-04-01T00:00:00.000Z');
    clock.set('2027-01-01T00:00:00.000Z');
    expect(clock.now().getUTCFullYear()).toBe(2027);
  });

  it('When now() is called twice, Then each call returns its own Date (callers may not share one)', () => {
    const clock = new ManualClock();
    expect(clock.now()).not.toBe(clock.now());
    expect(systemClock.now()).toBeInstanceOf(Date);
  });
});
