/**
 * Gottman's conflict markers per speaker: the Four Horsemen (criticism, contempt,
 * defensiveness, stonewalling) and repair attempts. Gottman's lab coded these from video of
 * couples in conflict; here they are read from text with the stated word lists of
 * gottman-lexicon.ts plus a little context, so they are heuristics, not a model:
 *
 * - criticism: a direct character attack ("what's wrong with you", 你这个人怎么…), or a
 *   generalisation ("you always / never", 你总是, 你从来不) unless the context is positive: the
 *   message scores ≥ 0.3 (clearly positive, not just above neutral) or phrases praise the same
 *   way ("you always make me laugh", 你每次都做得很好);
 * - contempt: insults, name-calling, mockery, eye-rolls, a sneering 呵呵; sarcasm-prone praise
 *   ("oh great", "genius", 你可真厉害, 真行) only when the message is negative (≤ −0.05) or names
 *   the lapse it mocks ("again", 又);
 * - defensiveness: counter-blame and denial anywhere ("it's not my fault", 又不是我的错);
 *   excuses ("I was busy", "I didn't", 我只是…) only in a reply turn to a complaint;
 * - stonewalling: a reply turn to a complaint that is only minimal ("fine", "k", "idk", 嗯,
 *   随便, "…") or walks away from the topic ("anyway", "forget it", 对了, 没什么好说的), and
 *   neither defends, repairs nor hits back. Cites the first such message. An unannounced
 *   change of subject, and silence itself (no reply at all), are not detected;
 * - repair attempts: de-escalation on its face anywhere ("let's calm down", 我们别吵了);
 *   apology, conceding, affection and humour only in a conflict — within six messages after a
 *   horseman or an outburst — and never in a hostile message.
 *
 * A complaint (the trigger for excuses and stonewalling) is a message with criticism,
 * contempt or sentiment ≤ −0.05. A turn is a run of consecutive messages by one side; every
 * message of a turn replies to the other's previous turn, a complaint when any message in it is.
 */
import { countMeasure, type PreparedConversation, type PreparedMessage } from './conversation';
import type { GottmanMarkers } from './conversation-measures';
import {
  CONTEMPT,
  CRITICISM,
  DEFENSIVE,
  EXCUSE,
  GENERALISATION,
  MINIMAL_REPLY,
  REPAIR,
  REPAIR_IN_CONFLICT,
  SARCASM_CUE,
  SARCASM_PRONE,
  SECOND_PERSON,
  SYMPATHY,
  WARM_GENERALISATION,
  WITHDRAWAL,
} from './gottman-lexicon';
import { laughs } from './laughter';

/** The sentiment family's threshold for a negative message. */
const NEGATIVE = -0.05;
/**
 * Clearly positive: "you always…" in a message this warm is praise. Higher than the
 * sentiment family's 0.05 because a complaint with one polite word ("You always have an
 * excuse. You never take responsibility for anything" scores +0.08) is still criticism.
 */
const CLEARLY_POSITIVE = 0.3;
/** An outburst: this negative and aimed at the partner is hostile without any marker. */
const STRONGLY_NEGATIVE = -0.5;
/** How many messages after a horseman or outburst a conflict lasts, for conflict-only repairs. */
const CONFLICT_WINDOW = 6;

/**
 * A message that attacks rather than reaches: criticism, contempt, or an outburst — strongly
 * negative (≤ −0.5) and aimed at the partner (second person, no sympathy). "I'm devastated,
 * I failed the exam" is strongly negative but not hostile.
 */
export function isHostile(message: PreparedMessage, sentiment: number): boolean {
  return attacksAtAll(readAttacks(message, sentiment));
}

/** A conversation's hostility test, remembering each message's attack markers (see attacksOf). */
export function hostileIn(conv: PreparedConversation): (message: PreparedMessage, sentiment: number) => boolean {
  const memo = attackMemo(conv);
  return (message, sentiment) => attacksAtAll(attacksOf(memo, message, sentiment));
}

function attacksAtAll(a: Attacks): boolean {
  return a.criticism || a.contempt || a.outburst;
}

interface Attacks {
  message: PreparedMessage;
  sentiment: number;
  criticism: boolean;
  contempt: boolean;
  outburst: boolean;
}

function readAttacks(m: PreparedMessage, sentiment: number): Attacks {
  return {
    message: m,
    sentiment,
    criticism: CRITICISM.matches(m) || (sentiment < CLEARLY_POSITIVE && GENERALISATION.matches(m) && !WARM_GENERALISATION.matches(m)),
    contempt: CONTEMPT.matches(m) || (SARCASM_PRONE.matches(m) && (sentiment <= NEGATIVE || SARCASM_CUE.matches(m))),
    outburst: sentiment <= STRONGLY_NEGATIVE && SECOND_PERSON.matches(m) && !SYMPATHY.matches(m),
  };
}

/**
 * The attack markers of a conversation's messages by index, remembered: the bid classifier
 * and gottmanMarkers both ask, and a 10,000-message chat should test each message once. One
 * WeakMap entry per conversation, so it goes when the conversation does (an entry per message
 * made the lookups a cost of their own); an entry answers only for the same message object
 * and sentiment it was read with.
 */
const remembered = new WeakMap<PreparedConversation, (Attacks | undefined)[]>();

function attackMemo(conv: PreparedConversation): (Attacks | undefined)[] {
  let memo = remembered.get(conv);
  if (!memo) {
    memo = new Array<Attacks | undefined>(conv.messages.length);
    remembered.set(conv, memo);
  }
  return memo;
}

function attacksOf(memo: (Attacks | undefined)[], m: PreparedMessage, sentiment: number): Attacks {
  const known = memo[m.index];
  if (known && known.message === m && known.sentiment === sentiment) return known;
  const found = readAttacks(m, sentiment);
  memo[m.index] = found;
  return found;
}

type Hits = Record<keyof GottmanMarkers, [PreparedMessage[], PreparedMessage[]]>;

export function gottmanMarkers(conv: PreparedConversation, sentiment: readonly number[]): [GottmanMarkers, GottmanMarkers] {
  const messages = conv.messages;
  const hits: Hits = {
    criticism: [[], []],
    contempt: [[], []],
    defensiveness: [[], []],
    stonewalling: [[], []],
    repairAttempts: [[], []],
  };
  const hostile: boolean[] = [];
  const negative: boolean[] = [];
  const memo = attackMemo(conv);
  messages.forEach((m, i) => {
    const score = sentiment[i] ?? 0;
    const { criticism, contempt, outburst } = attacksOf(memo, m, score);
    if (criticism) hits.criticism[m.side].push(m);
    if (contempt) hits.contempt[m.side].push(m);
    hostile.push(criticism || contempt || outburst);
    negative.push(criticism || contempt || score <= NEGATIVE);
  });

  let lastConflict = -Infinity;
  let previousRunNegative = false;
  for (let start = 0, end = 0; start < messages.length; start = end) {
    end = runEnd(messages, start);
    const replyToComplaint = previousRunNegative;
    previousRunNegative = false;
    let engaged = false;
    let minimalOnly = true;
    let withdrawal: PreparedMessage | null = null;
    for (let i = start; i < end; i++) {
      const m = messages[i];
      const inConflict = i - lastConflict <= CONFLICT_WINDOW;
      if (DEFENSIVE.matches(m) || (replyToComplaint && EXCUSE.matches(m))) {
        hits.defensiveness[m.side].push(m);
        engaged = true;
        lastConflict = i;
      }
      if (!hostile[i] && (REPAIR.matches(m) || (inConflict && (REPAIR_IN_CONFLICT.matches(m) || laughs(m.text))))) {
        hits.repairAttempts[m.side].push(m);
        engaged = true;
      }
      if (hostile[i]) {
        engaged = true;
        lastConflict = i;
      }
      if (replyToComplaint && !engaged && withdrawal === null) {
        if (WITHDRAWAL.matches(m)) withdrawal = m;
        else if (!MINIMAL_REPLY.test(m.text)) minimalOnly = false;
      }
      if (negative[i]) previousRunNegative = true;
    }
    if (replyToComplaint && !engaged && (withdrawal !== null || minimalOnly)) {
      const cited = withdrawal ?? messages[start];
      hits.stonewalling[cited.side].push(cited);
      lastConflict = Math.max(lastConflict, cited.index);
    }
  }

  const bySide = [messages.filter((m) => m.side === 0), messages.filter((m) => m.side === 1)];
  const side = (s: 0 | 1): GottmanMarkers => ({
    criticism: countMeasure(bySide[s], hits.criticism[s]),
    contempt: countMeasure(bySide[s], hits.contempt[s]),
    defensiveness: countMeasure(bySide[s], hits.defensiveness[s]),
    stonewalling: countMeasure(bySide[s], hits.stonewalling[s]),
    repairAttempts: countMeasure(bySide[s], hits.repairAttempts[s]),
  });
  return [side(0), side(1)];
}

/** The end (exclusive) of the run of consecutive messages by one side that starts at `start`. */
function runEnd(messages: readonly PreparedMessage[], start: number): number {
  let end = start + 1;
  while (end < messages.length && messages[end].side === messages[start].side) end++;
  return end;
}
