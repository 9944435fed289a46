/** What can be owned, shared with an analyst and audited. A message belongs to its chat, a report to its simulation. */
export enum ResourceKind {
  PERSONA = 'PERSONA',
  CHAT = 'CHAT',
  SIMULATION = 'SIMULATION',
  MEMORY = 'MEMORY',
  USAGE = 'USAGE',
}
