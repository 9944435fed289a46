import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SessionRevocation } from '../../src/domain/accounts/auth-session.entity';

registerEnumType(SessionRevocation, { name: 'SessionRevocation', description: 'Why a session ended.' });

export enum AccountEventKind {
  SESSION_REVOKED = 'SESSION_REVOKED',
}
registerEnumType(AccountEventKind, { name: 'AccountEventKind' });

@ObjectType('AccountEvent', { description: 'Something that happened to the account, pushed to its devices.' })
export class AccountEventType {
  @Field(() => AccountEventKind)
  type!: AccountEventKind;

  @Field(() => ID)
  sessionId!: string;

  @Field(() => SessionRevocation)
  reason!: SessionRevocation;

  @Field()
  at!: Date;
}
