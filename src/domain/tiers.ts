/**
 * The single table of what each subscription tier may do. Features read their limits from
 * here (persona creation, quotas, simulation scheduling) so a pricing change is one edit.
 */
export enum Tier {
  BASIC = 'BASIC',
  PREMIUM = 'PREMIUM',
  PROFESSIONAL = 'PROFESSIONAL',
}

export enum Role {
  USER = 'USER',
  ANALYST = 'ANALYST',
  ADMIN = 'ADMIN',
}

export interface TierLimits {
  /** PARTNER personas a user may keep; null means unlimited. */
  partnerPersonas: number | null;
  /** Model tokens (prompt + completion) per calendar month, UTC. */
  monthlyTokens: number;
  /** Simulations running at the same time. */
  concurrentSimulations: number;
  /** Episodes one simulation may run in total (scenarios × episodes per scenario). */
  episodesPerSimulation: number;
  /** Minutes of voice (speech heard plus spoken) per calendar month, UTC; 0: no voice. */
  voiceMinutesPerMonth: number;
}

export const TIER_LIMITS: Readonly<Record<Tier, Readonly<TierLimits>>> = {
  [Tier.BASIC]: { partnerPersonas: 2, monthlyTokens: 200_000, concurrentSimulations: 1, episodesPerSimulation: 6, voiceMinutesPerMonth: 0 },
  [Tier.PREMIUM]: { partnerPersonas: 5, monthlyTokens: 2_000_000, concurrentSimulations: 3, episodesPerSimulation: 30, voiceMinutesPerMonth: 300 },
  [Tier.PROFESSIONAL]: { partnerPersonas: null, monthlyTokens: 20_000_000, concurrentSimulations: 10, episodesPerSimulation: 200, voiceMinutesPerMonth: 3000 },
};

export function limitsFor(tier: Tier): Readonly<TierLimits> {
  return TIER_LIMITS[tier];
}
