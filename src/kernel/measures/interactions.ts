/**
 * Positive and negative interactions for Gottman's ratio. Gottman counted coded behaviours in
 * observed conflict discussions; here a message is one interaction, classified from the
 * measures already computed:
 * - positive: a warmth marker (gratitude, affection, laughter, agreement, we-talk), a repair
 *   attempt, a reply that turned toward a bid, or sentiment ≥ 0.05;
 * - negative: criticism, contempt, defensiveness, stonewalling, a reply that turned against a
 *   bid, or sentiment ≤ −0.05.
 * A message can be both (an apology wrapped in a complaint); that counts once on each side,
 * as a coder would note both behaviours.
 */
import type { BidEvent } from './bids';
import type { Measure, PreparedConversation } from './conversation';
import type { GottmanMarkers, WarmthMarkers } from './conversation-measures';

export interface Interactions {
  positive: Measure;
  negative: Measure;
  ratio: Measure;
}

const POSITIVE_WARMTH: (keyof WarmthMarkers)[] = ['gratitude', 'affection', 'laughter', 'agreement', 'weTalk'];
const NEGATIVE_GOTTMAN: (keyof GottmanMarkers)[] = ['criticism', 'contempt', 'defensiveness', 'stonewalling'];

export function interactions(
  conv: PreparedConversation,
  sentiment: readonly number[],
  warmth: readonly WarmthMarkers[],
  gottman: readonly GottmanMarkers[],
  bids: readonly BidEvent[],
): Interactions {
  const positive = new Set<string>();
  const negative = new Set<string>();
  for (const side of [0, 1]) {
    for (const key of POSITIVE_WARMTH) for (const id of warmth[side][key].messageIds) positive.add(id);
    for (const id of gottman[side].repairAttempts.messageIds) positive.add(id);
    for (const key of NEGATIVE_GOTTMAN) for (const id of gottman[side][key].messageIds) negative.add(id);
  }
  for (const event of bids) {
    if (!event.response) continue;
    if (event.kind === 'toward') positive.add(event.response.id);
    if (event.kind === 'against') negative.add(event.response.id);
  }
  conv.messages.forEach((m, i) => {
    if (sentiment[i] >= 0.05) positive.add(m.id);
    if (sentiment[i] <= -0.05) negative.add(m.id);
  });
  // In conversation order, so citations read like the transcript.
  const inOrder = (ids: Set<string>) => conv.messages.filter((m) => ids.has(m.id)).map((m) => m.id);
  const n = conv.messages.length;
  const positiveIds = inOrder(positive);
  const negativeIds = inOrder(negative);
  return {
    positive: { value: positiveIds.length, n, messageIds: positiveIds },
    negative: { value: negativeIds.length, n, messageIds: negativeIds },
    ratio: {
      value: negativeIds.length === 0 ? null : Math.round((positiveIds.length / negativeIds.length) * 100) / 100,
      n,
      messageIds: negativeIds,
    },
  };
}
