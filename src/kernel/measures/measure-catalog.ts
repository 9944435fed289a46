/**
 * The headline measures a report shows, each with its definition and published source, so
 * every number on a report page can say what it is. Reports compute a mean and interval of
 * each over episodes (simulations) or months (imported chats).
 */
import type { Measure, Side } from './conversation';
import type { ConversationMeasures } from './conversation-measures';

export interface CatalogEntry {
  key: string;
  label: string;
  /** How it is computed, in one sentence. */
  definition: string;
  /** The study it follows, or "SoulLink heuristic". */
  source: string;
  /** How to read the number. */
  scale: string;
}

export interface PairMeasureEntry extends CatalogEntry {
  of(m: ConversationMeasures): Measure;
}

export interface SpeakerMeasureEntry extends CatalogEntry {
  of(m: ConversationMeasures, side: Side): Measure;
}

export const PAIR_MEASURES: readonly PairMeasureEntry[] = [
  {
    key: 'rapport',
    label: 'Rapport index',
    definition: 'Fixed-weight mean of responsiveness (0.25), positivity (0.25), LSM (0.20), questions answered (0.10), turn balance (0.10) and warmth (0.10); unmeasurable parts left out.',
    source: 'SoulLink composite of the measures below; weights documented, not fitted, not validated as a predictor.',
    scale: '0–100',
    of: (m) => ({ value: m.pair.rapport.value, n: m.messages, messageIds: [] }),
  },
  {
    key: 'lsm',
    label: 'Language style matching',
    definition: 'Mean over nine function-word categories of 1 − |p1 − p2| / (p1 + p2 + 0.0001), p = percent of a side’s words in the category.',
    source: 'Ireland & Pennebaker 2010; Ireland et al. 2011 (higher LSM predicted mutual interest after speed dates and relationship stability).',
    scale: '0–1; typical conversations 0.6–0.9',
    of: (m) => m.pair.lsm.overall,
  },
  {
    key: 'responsiveness',
    label: 'Bids turned toward',
    definition: 'Share of bids for connection (questions, disclosures, news, feelings, invitations) that the other turned toward in the next reply.',
    source: 'Gottman & Silver; Driver & Gottman 2004 (newlyweds who stayed married turned toward 86% of bids, those who divorced 33%). Heuristic classifier.',
    scale: '0–1',
    of: (m) => m.pair.responsiveness,
  },
  {
    key: 'positiveToNegativeRatio',
    label: 'Positive : negative interactions',
    definition: 'Messages with a positive behaviour or sentiment divided by messages with a negative one.',
    source: 'Gottman & Levenson 1992 (stable couples about 5:1 in conflict).',
    scale: 'ratio; ≥ 5 healthy in conflict, < 1 more negative than positive',
    of: (m) => m.pair.positiveToNegativeRatio,
  },
  {
    key: 'replyTimeAsymmetry',
    label: 'Reply-time asymmetry',
    definition: 'Slower side’s median reply time divided by the faster side’s.',
    source: 'SoulLink heuristic (reciprocity of attention).',
    scale: '≥ 1; 1 = equally quick',
    of: (m) => m.pair.replyTimeAsymmetry,
  },
];

export const SPEAKER_MEASURES: readonly SpeakerMeasureEntry[] = [
  {
    key: 'followUpQuestions',
    label: 'Follow-up questions',
    definition: 'Questions about what the other just said (a shared content word or a follow-up form such as "why?", 然后呢).',
    source: 'Huang et al. 2017 (follow-up questions raised liking and second-date rates). Automatic approximation of hand coding.',
    scale: 'count',
    of: (m, s) => m.perSpeaker[s].questions.followUpQuestions,
  },
  {
    key: 'questionsAnswered',
    label: 'Questions answered',
    definition: 'Share of this speaker’s questions that the other answered in the next reply.',
    source: 'SoulLink heuristic.',
    scale: '0–1',
    of: (m, s) => m.perSpeaker[s].questions.questionsAnswered,
  },
  {
    key: 'bidResponsiveness',
    label: 'Turned toward the other’s bids',
    definition: 'Share of the other’s bids this speaker turned toward.',
    source: 'Gottman (bids for connection). Heuristic classifier.',
    scale: '0–1',
    of: (m, s) => m.perSpeaker[s].bids.responsiveness,
  },
  {
    key: 'meanSentiment',
    label: 'Sentiment',
    definition: 'Mean per-message sentiment: VADER compound for English, a Chinese lexicon with negation for Chinese.',
    source: 'Hutto & Gilbert 2014 (VADER); Chinese lexicon as documented in src/kernel/measures.',
    scale: '−1 … +1',
    of: (m, s) => m.perSpeaker[s].sentiment.meanSentiment,
  },
  { key: 'criticism', label: 'Criticism', definition: 'Messages attacking the partner’s character ("you always", 你总是).', source: 'Gottman’s Four Horsemen.', scale: 'count', of: (m, s) => m.perSpeaker[s].gottman.criticism },
  { key: 'contempt', label: 'Contempt', definition: 'Insults, mockery, sarcasm markers, eye-roll emoji.', source: 'Gottman’s Four Horsemen (the strongest predictor of divorce).', scale: 'count', of: (m, s) => m.perSpeaker[s].gottman.contempt },
  { key: 'defensiveness', label: 'Defensiveness', definition: 'Excuses and counter-blame after a complaint.', source: 'Gottman’s Four Horsemen.', scale: 'count', of: (m, s) => m.perSpeaker[s].gottman.defensiveness },
  { key: 'stonewalling', label: 'Stonewalling', definition: 'Minimal or disengaged replies right after a negative turn by the other.', source: 'Gottman’s Four Horsemen.', scale: 'count', of: (m, s) => m.perSpeaker[s].gottman.stonewalling },
  { key: 'repairAttempts', label: 'Repair attempts', definition: 'De-escalation: apologies, "you’re right", humour or a pause offered in tension.', source: 'Gottman (repair attempts).', scale: 'count', of: (m, s) => m.perSpeaker[s].gottman.repairAttempts },
  { key: 'laughter', label: 'Laughter', definition: 'Messages that laugh (haha, 哈哈, lol, 😂).', source: 'Rapport and shared humour.', scale: 'count', of: (m, s) => m.perSpeaker[s].warmth.laughter },
  { key: 'affection', label: 'Affection', definition: 'Terms of endearment and affection (love you, 想你, ❤️).', source: 'Warmth markers.', scale: 'count', of: (m, s) => m.perSpeaker[s].warmth.affection },
  { key: 'weTalk', label: 'We-talk', definition: 'First-person plural (we, us, let’s, 我们, 咱们).', source: 'Seider et al. 2009 (we-talk and marital interaction).', scale: 'count', of: (m, s) => m.perSpeaker[s].warmth.weTalk },
  { key: 'turnShare', label: 'Share of messages', definition: 'Share of the pair’s messages written by this speaker.', source: 'Reciprocity.', scale: '0–1; 0.5 balanced', of: (m, s) => m.perSpeaker[s].reciprocity.turnShare },
];
