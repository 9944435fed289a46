/** What can be owned, shared with an analyst and audited. A message belongs to its chat, a report to its simulation. */
export enum ResourceKind {
  PERSONA = 'PERSONA',
  CHAT = 'CHAT',
  SIMULATION = 'SIMULATION',
  MEMORY = 'MEMORY',
  USAGE = 'USAGE',
  /** Validation studies (owner-only for now): a study dataset, a study and its report, a match model. */
  STUDY_DATASET = 'STUDY_DATASET',
  STUDY = 'STUDY',
  MATCH_MODEL = 'MATCH_MODEL',
  /** An uploaded file (image or audio). */
  MEDIA = 'MEDIA',
}
