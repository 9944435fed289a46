import type { Clock } from '../../ports/clock.port';

/** The process's wall clock (what production runs on). */
export const systemClock: Clock = { now: () => new Date() };
