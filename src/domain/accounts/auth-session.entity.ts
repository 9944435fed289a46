import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from './user.entity';

export enum SessionRevocation {
  LOGOUT = 'LOGOUT',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  ACCOUNT_DELETED = 'ACCOUNT_DELETED',
  /** The password changed: every other session of the account ends. */
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
}

/**
 * A signed-in device: one family of rotating refresh tokens. Access tokens carry its id
 * (`sid`), so revoking the session stops its access tokens at once, not at their expiry.
 */
@Entity({ tableName: 'auth_sessions' })
export class AuthSession {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'revokedReason' | 'userAgent';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  @Index()
  user!: Ref<User>;

  @Property({ type: 'string', length: 200, nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  lastUsedAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Enum({ items: () => SessionRevocation, nativeEnumName: 'session_revocation', nullable: true })
  revokedReason: SessionRevocation | null = null;

  /** Whether the session still works at `now` (the caller's clock: see clock.port.ts). */
  isActive(now: Date): boolean {
    return this.revokedAt === null && this.expiresAt > now;
  }
}
