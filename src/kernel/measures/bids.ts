/**
 * Bids for connection and how they are met (Gottman & DeClaire 2001; Driver & Gottman 2004:
 * couples who stayed together turned toward each other's bids 86% of the time, those who
 * divorced 33%). This is a stated heuristic over word lists (bids-lexicon.ts), not a trained
 * model. In plain words:
 *
 * Turns. A turn is a run of consecutive messages by one speaker; with timestamps, a silence of
 * 30 minutes or more inside the run also ends a turn. A turn makes at most one bid, cited by
 * its last bid message, because the other replies to the turn, not to each line.
 *
 * Bid. A message that is neither hostile (isHostile) nor dismissive and asks a question,
 * discloses something about oneself, shares news ("guess what", 我今天, "my sister is…"),
 * states a feeling ("I'm so tired", "I miss you", 好累) or invites ("want to…", "let's", 要不要,
 * 一起).
 *
 * Response. The other speaker's next turn, its first three messages. If the bidder's own next
 * turn comes first (they wrote again after 30 minutes of silence), the bid was turned away and
 * has no response; the event then cites the bid. A bid in the transcript's last turn had no
 * chance of a reply and is left out (neither made nor answered).
 *
 * Turned against: a reply message is hostile (criticism, contempt, an outburst), brushes the
 * bid off ("who cares", "so what", "whatever", 关我什么事, 那又怎样) or counter-blames ("it's not
 * my fault", 又不是我的错).
 * Turned toward, otherwise, when a reply message engages:
 * - a bare yes/no ("yeah", 好, 对) answers a yes/no question, an invitation, news or a
 *   disclosure, but not an open question ("how was your day?") or a feeling ("I'm so sad");
 * - a bare acknowledgement ("ok", 嗯, 哦) meets news, a disclosure or an invitation, but not a
 *   question or a feeling;
 * - empathy or interest ("aw", "congrats", "what happened?", 抱抱, 怎么了), agreement, thanks
 *   or affection, asking back ("and you?", 你呢), laughter (unless the bid was negative), a content word shared with
 *   the bid turn, a statement about the bidder ("you deserve it"), a statement answering an open
 *   question, or one opening with a yes/no to a yes/no question.
 * Turned away: anything else — no reply, a non-answer ("idk", "later", 再说吧, 随便), a change of
 * subject ("anyway", 对了, or a question about something else), or talk only about the replier.
 */
import type { Measure, PreparedConversation, PreparedMessage } from './conversation';
import type { BidMeasures } from './conversation-measures';
import {
  ACK_REPLY,
  ASK_BACK,
  DISMISSIVE,
  ENGAGEMENT,
  FEELING,
  INVITATION,
  NEWS,
  NON_ANSWER,
  QUESTION,
  QUESTION_FORM,
  STOPWORDS,
  WH_QUESTION,
  YES_NO_OPENING,
  YES_NO_REPLY,
} from './bids-lexicon';
import { DEFENSIVE, SECOND_PERSON, WITHDRAWAL } from './gottman-lexicon';
import { hostileIn } from './gottman-markers';
import { laughs } from './laughter';
import { anyMarker } from './marker-pattern';
import { AFFECTION, AGREEMENT, GRATITUDE, SELF_DISCLOSURE } from './warmth-lexicon';

export interface BidEvent {
  bid: PreparedMessage;
  /** The reply message that decided the kind; null when the bidder spoke again unanswered. */
  response: PreparedMessage | null;
  kind: 'toward' | 'away' | 'against';
}

/** A silence this long between one speaker's messages splits their turn (the bid went unanswered). */
const TURN_GAP_MS = 30 * 60 * 1000;
/** Reply messages read for the response; later ones are the replier's own talk. */
const RESPONSE_SPAN = 3;
const NEGATIVE = -0.05;
/** Any bid form, one test per message; the forms are told apart only for the bid chosen. */
const ANY_BID = anyMarker(QUESTION, FEELING, INVITATION, NEWS, SELF_DISCLOSURE);
/** Replies that engage whatever the bid: empathy and interest, agreement, asking back, thanks, affection. */
const WARM_REPLY = anyMarker(ENGAGEMENT, AGREEMENT, ASK_BACK, GRATITUDE, AFFECTION);
/** Where a reply's first clause ends. The question mark stays, so "Really?" still reads as a question. */
const CLAUSE_END = /(?<=[?？])|[.!。！,，;；:：\n]/u;

interface BidForm {
  question: boolean;
  /** An open question ("how…", "what…", 怎么样): a bare yes or ok does not answer it. */
  open: boolean;
  feeling: boolean;
  invitation: boolean;
}

/** The bid a turn makes. Its form and words are read on first use: most replies are decided without them. */
class BidTurn {
  private knownForm: BidForm | null = null;
  private knownWords: Set<string> | null = null;

  constructor(
    readonly bid: PreparedMessage,
    private readonly turn: readonly PreparedMessage[],
    /** The bid's sentiment is negative: laughing at it is not laughing along. */
    readonly negative: boolean,
  ) {}

  get form(): BidForm {
    if (this.knownForm === null) {
      const question = QUESTION.matches(this.bid);
      const invitation = INVITATION.matches(this.bid);
      this.knownForm = {
        question,
        open: question && !invitation && (WH_QUESTION.matches(this.bid) || ASK_BACK.matches(this.bid)),
        feeling: FEELING.matches(this.bid),
        invitation,
      };
    }
    return this.knownForm;
  }

  /** Content words of the whole bid turn, to see whether the reply is about it. */
  get words(): Set<string> {
    if (this.knownWords === null) {
      this.knownWords = new Set();
      for (const m of this.turn) for (const w of m.words) if (isContentWord(w)) this.knownWords.add(w);
    }
    return this.knownWords;
  }
}

export function classifyBids(conv: PreparedConversation, sentiment: readonly number[]): BidEvent[] {
  if (conv.speakers[1] === '') return [];
  const turns = bidTurns(conv.messages);
  const isHostile = hostileIn(conv);
  const events: BidEvent[] = [];
  for (let t = 0; t + 1 < turns.length; t++) {
    const turn = readBidTurn(turns[t], sentiment, isHostile);
    if (turn === null) continue;
    const next = turns[t + 1];
    if (next[0].side === turn.bid.side) events.push({ bid: turn.bid, response: null, kind: 'away' });
    else events.push({ bid: turn.bid, ...respond(turn, next.slice(0, RESPONSE_SPAN), sentiment, isHostile) });
  }
  return events;
}

export function bidMeasures(
  conv: PreparedConversation,
  sentiment: readonly number[],
  events: readonly BidEvent[] = classifyBids(conv, sentiment),
): [BidMeasures, BidMeasures] {
  const side = (s: 0 | 1): BidMeasures => {
    const sent = conv.messages.filter((m) => m.side === s).length;
    const made = events.filter((e) => e.bid.side === s);
    const received = events.filter((e) => e.bid.side !== s);
    // A reply is cited by its message; a bid left unanswered by the bid itself (the only message there is).
    const cite = (list: readonly BidEvent[]): string[] => list.map((e) => (e.response ?? e.bid).id);
    const replies = (kind: BidEvent['kind']): Measure => {
      const matched = received.filter((e) => e.kind === kind);
      return { value: matched.length, n: received.length, messageIds: cite(matched) };
    };
    const toward = replies('toward');
    return {
      bidsMade: { value: made.length, n: sent, messageIds: made.map((e) => e.bid.id) },
      turnedToward: toward,
      turnedAway: replies('away'),
      turnedAgainst: replies('against'),
      responsiveness: {
        value: received.length === 0 ? null : toward.value! / received.length,
        n: received.length,
        messageIds: toward.messageIds,
      },
    };
  };
  return [side(0), side(1)];
}

function bidTurns(messages: readonly PreparedMessage[]): PreparedMessage[][] {
  const turns: PreparedMessage[][] = [];
  let current: PreparedMessage[] = [];
  for (const m of messages) {
    const last = current[current.length - 1];
    const silence = last && last.sentAt !== null && m.sentAt !== null && m.sentAt - last.sentAt >= TURN_GAP_MS;
    if (last && (last.side !== m.side || silence)) {
      turns.push(current);
      current = [];
    }
    current.push(m);
  }
  if (current.length > 0) turns.push(current);
  return turns;
}

type Hostility = ReturnType<typeof hostileIn>;

function readBidTurn(turn: readonly PreparedMessage[], sentiment: readonly number[], isHostile: Hostility): BidTurn | null {
  // The last bid of the turn is the one the reply meets: look from the end, one test per line.
  let bid: PreparedMessage | null = null;
  for (let k = turn.length - 1; k >= 0 && bid === null; k--) {
    const m = turn[k];
    if (ANY_BID.matches(m) && !isHostile(m, sentiment[m.index] ?? 0) && !DISMISSIVE.matches(m)) bid = m;
  }
  return bid === null ? null : new BidTurn(bid, turn, (sentiment[bid.index] ?? 0) <= NEGATIVE);
}

function respond(
  turn: BidTurn,
  replies: readonly PreparedMessage[],
  sentiment: readonly number[],
  isHostile: Hostility,
): Pick<BidEvent, 'response' | 'kind'> {
  for (const r of replies) {
    if (isHostile(r, sentiment[r.index] ?? 0) || DISMISSIVE.matches(r) || DEFENSIVE.matches(r)) return { response: r, kind: 'against' };
  }
  for (const r of replies) if (turnsToward(turn, r)) return { response: r, kind: 'toward' };
  return { response: replies[0], kind: 'away' };
}

function turnsToward(turn: BidTurn, reply: PreparedMessage): boolean {
  const text = reply.text;
  if (NON_ANSWER.test(text)) return false;
  if (YES_NO_REPLY.test(text)) {
    const { invitation, question, open, feeling } = turn.form;
    return invitation || (question ? !open : !feeling);
  }
  if (ACK_REPLY.test(text)) {
    const { invitation, question, feeling } = turn.form;
    return invitation || (!question && !feeling);
  }
  if (WARM_REPLY.matches(reply)) return true;
  if (!turn.negative && laughs(text)) return true;
  if (WITHDRAWAL.matches(reply)) return false;
  if (reply.words.some((w) => isContentWord(w) && turn.words.has(w))) return true;
  // A reply that opens by asking and shares nothing with the bid asks about something else;
  // one that answers first and then asks ("两点半。你今天忙不忙？") still answers, and so does a
  // tentative answer to an open question ("几点？" → "七点？").
  const first = firstClause(text);
  const { question, open } = turn.form;
  if ((open ? QUESTION_FORM : QUESTION).test(first)) return false;
  if (SECOND_PERSON.matches(reply)) return true;
  return question && (open || YES_NO_OPENING.matches(reply));
}

function firstClause(text: string): string {
  return text.trimStart().split(CLAUSE_END, 1)[0];
}

/** A word that carries the topic: not a function word, a Latin word of three letters or more, a Chinese word of two characters or more. */
function isContentWord(w: string): boolean {
  // A word is all Han or all Latin / digits (the segmenter splits at script changes), so its
  // first code point tells which; CJK starts at U+2E80. Cheaper than a regex per word.
  return (w.length >= 3 || (w.length === 2 && w.charCodeAt(0) >= 0x2e80)) && !STOPWORDS.has(w);
}
