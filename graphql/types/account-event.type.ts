import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SessionRevocation } from '../../src/domain/accounts/auth-session.entity';

registerEnumType(SessionRevocation, {
  name: 'SessionRevocation',
  description: 'Why a session ended.',
  valuesConfig: {
    LOGOUT: { description: 'The session signed out.' },
    REFRESH_TOKEN_REUSED: { description: 'A refresh token was used twice (a sign it was stolen), so the session was ended.' },
    ACCOUNT_DELETED: { description: 'The account was deleted.' },
    PASSWORD_CHANGED: { description: 'The password changed: every other session of the account ends.' },
  },
});

export enum AccountEventKind {
  SESSION_REVOKED = 'SESSION_REVOKED',
}
registerEnumType(AccountEventKind, {
  name: 'AccountEventKind',
  description: 'What happened to the account.',
  valuesConfig: {
    SESSION_REVOKED: { description: 'One of the account’s sessions was ended (see reason and sessionId); if it is this device’s, sign in again.' },
  },
});

@ObjectType('AccountEvent', { description: 'Something that happened to the account, pushed to its devices.' })
export class AccountEventType {
  @Field(() => AccountEventKind, { description: 'What happened.' })
  type!: AccountEventKind;

  @Field(() => ID, { description: 'The session concerned (AuthPayload.sessionId): compare with your own to know whether this device was signed out.' })
  sessionId!: string;

  @Field(() => SessionRevocation, { description: 'Why the session ended.' })
  reason!: SessionRevocation;

  @Field({ description: 'When it happened.' })
  at!: Date;
}
