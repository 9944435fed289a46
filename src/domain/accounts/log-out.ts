import type { AccountDeps } from './account-deps';
import { SessionRevocation } from './auth-session.entity';
import { revokeSession } from './revoke-session';

/** Ends the caller's session: its refresh tokens stop working and its access tokens too. */
export async function logOut(deps: AccountDeps, sessionId: string): Promise<void> {
  await revokeSession(deps, sessionId, SessionRevocation.LOGOUT);
}
