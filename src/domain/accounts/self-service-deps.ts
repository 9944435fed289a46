import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountTokenStore } from '../../ports/account-token-store.port';
import type { Clock } from '../../ports/clock.port';
import type { EmailSender } from '../../ports/email.port';
import type { EventBus } from '../../ports/event-bus.port';

/** What the emailed account flows (reset, verification, invitation) need. */
export interface SelfServiceDeps {
  em: EntityManager;
  events: EventBus;
  email: EmailSender;
  /** The emailed links' one-time tokens (hashes only). */
  accountTokens: AccountTokenStore;
  /** Link expiries, verification times, revocation times. */
  clock: Clock;
  /** The web app's address (APP_URL), for links in emails; unset: the email gives the code alone. */
  appUrl?: string;
}

/** The line of an email that carries a one-time code: a link into the app when APP_URL is set. */
export function linkOrCode(deps: Pick<SelfServiceDeps, 'appUrl'>, path: string, token: string): string {
  if (!deps.appUrl) return `Your one-time code: ${token}`;
  const url = new URL(path, deps.appUrl);
  url.searchParams.set('token', token);
  return url.toString();
}
