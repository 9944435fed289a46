import type { User } from './user.entity';

/** What a successful sign-in, registration or refresh returns to the client. */
export interface AuthResult {
  user: User;
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}
