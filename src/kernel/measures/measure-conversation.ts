/**
 * Every conversation measure over one ordered two-party transcript, per speaker and per pair.
 * Pure and synchronous: the same messages give the same numbers on every machine. Each
 * message is tokenised and sentiment-scored once; every family reads those.
 */
import { bidMeasures, classifyBids } from './bids';
import { prepareConversation, type ConversationMessage, type Measure, type PrepareOptions, type PreparedConversation } from './conversation';
import type { ConversationMeasures, SpeakerMeasures } from './conversation-measures';
import { gottmanMarkers } from './gottman-markers';
import { interactions } from './interactions';
import { languageStyleMatching } from './language-style-matching';
import { questionMeasures } from './questions';
import { rapportIndex } from './rapport-index';
import { reciprocityMeasures } from './reciprocity';
import { messageSentiment, sentimentMeasures } from './sentiment';
import { warmthMarkers } from './warmth-markers';

export interface MeasureOptions extends PrepareOptions {
  /** Messages per LSM window (default 20). */
  lsmWindow?: number;
  /** A silence this long (minutes) ends a conversation; the next message initiates one (default 360). */
  gapMinutes?: number;
}

export function measureConversation(messages: readonly ConversationMessage[], options: MeasureOptions = {}): ConversationMeasures {
  return measurePrepared(prepareConversation(messages, options), options);
}

export function measurePrepared(conv: PreparedConversation, options: MeasureOptions = {}): ConversationMeasures {
  const sentiment = conv.messages.map(messageSentiment);
  const lsm = languageStyleMatching(conv, { windowSize: options.lsmWindow });
  const questions = questionMeasures(conv, { gapMinutes: options.gapMinutes });
  const events = classifyBids(conv, sentiment);
  const bids = bidMeasures(conv, sentiment, events);
  const reciprocity = reciprocityMeasures(conv, { gapMinutes: options.gapMinutes });
  const feelings = sentimentMeasures(conv, sentiment);
  const gottman = gottmanMarkers(conv, sentiment);
  const warmth = warmthMarkers(conv);
  const counted = interactions(conv, sentiment, warmth, gottman, events);

  const speaker = (side: 0 | 1): SpeakerMeasures => ({
    speaker: conv.speakers[side],
    questions: questions[side],
    bids: bids[side],
    reciprocity: reciprocity.perSide[side],
    sentiment: feelings[side],
    gottman: gottman[side],
    warmth: warmth[side],
  });

  const responsiveness = pairResponsiveness(events);
  const questionsAnswered = pooledShare(questions[0].questionsAnswered, questions[1].questionsAnswered);
  const warmMessages = new Set<string>();
  for (const side of [0, 1] as const) {
    for (const key of ['laughter', 'affection', 'gratitude', 'weTalk'] as const) {
      for (const id of warmth[side][key].messageIds) warmMessages.add(id);
    }
  }
  const share0 = reciprocity.perSide[0].turnShare.value;
  const total = counted.positive.value! + counted.negative.value!;

  return {
    speakers: conv.speakers,
    messages: conv.messages.length,
    ignored: conv.ignored,
    languages: languageCounts(conv),
    perSpeaker: [speaker(0), speaker(1)],
    pair: {
      lsm,
      positiveToNegativeRatio: counted.ratio,
      positiveInteractions: counted.positive,
      negativeInteractions: counted.negative,
      replyTimeAsymmetry: reciprocity.replyTimeAsymmetry,
      responsiveness,
      rapport: rapportIndex({
        responsiveness: responsiveness.value,
        positivity: total === 0 ? null : counted.positive.value! / total,
        lsm: lsm.overall.value,
        questionsAnswered: questionsAnswered,
        balance: share0 === null || conv.speakers[1] === '' ? null : 1 - 2 * Math.abs(share0 - 0.5),
        warmth: conv.messages.length === 0 ? null : warmMessages.size / conv.messages.length,
      }),
    },
  };
}

/** Both sides' bids together: toward / all bids, citing the replies that turned toward. */
function pairResponsiveness(events: ReturnType<typeof classifyBids>): Measure {
  const toward = events.filter((e) => e.kind === 'toward');
  return {
    value: events.length === 0 ? null : toward.length / events.length,
    n: events.length,
    messageIds: toward.flatMap((e) => (e.response ? [e.response.id] : [])),
  };
}

/** Two shares pooled by their denominators. */
function pooledShare(a: Measure, b: Measure): number | null {
  const n = a.n + b.n;
  if (n === 0) return null;
  return ((a.value ?? 0) * a.n + (b.value ?? 0) * b.n) / n;
}

function languageCounts(conv: PreparedConversation): ConversationMeasures['languages'] {
  let chinese = 0;
  let english = 0;
  let mixed = 0;
  for (const m of conv.messages) {
    if (m.cjk && m.latin) mixed += 1;
    else if (m.cjk) chinese += 1;
    else if (m.latin) english += 1;
  }
  return { chinese, english, mixed };
}
