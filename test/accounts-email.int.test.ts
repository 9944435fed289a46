import { createHash } from 'node:crypto';
import { User } from '../src/domain/accounts/user.entity';
import { Role } from '../src/domain/tiers';
import type { EmailMessage, EmailSender } from '../src/ports/email.port';
import { errorCode, type GraphQLResult } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

/** An email adapter that keeps what it is given, as an inbox. */
class Outbox implements EmailSender {
  readonly delivers = true;
  readonly sent: EmailMessage[] = [];
  async send(message: EmailMessage): Promise<void> {
    this.sent.push(message);
  }
  /** The one-time code in the latest mail to `to` (from its APP_URL link). */
  codeFor(to: string): string {
    const mail = this.sent.filter((m) => m.to === to).at(-1);
    const link = mail?.text.match(/https:\/\/app\.example\.com\/\S+/)?.[0];
    if (!link) throw new Error(`no link mailed to ${to}`);
    return new URL(link).searchParams.get('token')!;
  }
}

let t: TestApp;
const outbox = new Outbox();
beforeAll(async () => {
  t = await startTestApp({ APP_URL: 'https://app.example.com' });
  t.app.services.email = outbox;
});
afterAll(() => t.close());

type Data = Record<string, any>;
const gql = (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult<Data>> => t.http.raw<Data>({ query, variables }, token);
async function ok(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Data> {
  const result = await gql(query, variables, token);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { role emailVerified } } }';
const ME = '{ me { id emailVerified } }';
const REQUEST_RESET = 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { passwordReset } }';

async function account() {
  const input = newAccountInput();
  const { register } = await ok(REGISTER, { input });
  return { ...input, id: register.user.id as string, token: register.accessToken as string };
}

describe('Password reset, email verification and invitations, through the email port', () => {
  it('When a user resets a forgotten password by email, Then the link works once, ends every session and stores no usable secret', async () => {
    const a = await account();
    const other = (await ok(LOGIN, { input: { email: a.email, password: a.password } })).login.accessToken as string;

    const before = outbox.sent.length;
    expect((await ok(REQUEST_RESET, { input: { email: 'nobody-here@example.com' } })).requestPasswordReset.accepted).toBe(true);
    expect(outbox.sent.length).toBe(before);

    expect((await ok(REQUEST_RESET, { input: { email: a.email.toUpperCase() } })).requestPasswordReset.accepted).toBe(true);
    const first = outbox.codeFor(a.email);
    expect(outbox.sent.at(-1)).toMatchObject({ to: a.email, subject: 'Reset your SoulLink password' });
    await ok(REQUEST_RESET, { input: { email: a.email } });
    const code = outbox.codeFor(a.email);
    expect(code).not.toBe(first);

    // Only hashes are stored: the code itself is in no row.
    const rows = await t.app.services.orm.em.getConnection().execute<{ token_hash: string }[]>(
      `select encode(token_hash, 'hex') as token_hash from account_tokens where user_id = ?`, [a.id]);
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(code).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(code);

    const bad = await gql(RESET, { input: { token: first, newPassword: 'my new long password' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.token' });

    expect((await ok(RESET, { input: { token: code, newPassword: 'my new long password' } })).resetPassword.passwordReset).toBe(true);
    for (const token of [a.token, other]) expect(errorCode(await gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(LOGIN, { input: { email: a.email, password: a.password } }))).toBe('UNAUTHENTICATED');
    expect((await ok(LOGIN, { input: { email: a.email, password: 'my new long password' } })).login.user.emailVerified).toBe(true);

    const again = await gql(RESET, { input: { token: code, newPassword: 'another long password' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('When a reset link is older than 30 minutes, Then it no longer works', async () => {
    const a = await account();
    await ok(REQUEST_RESET, { input: { email: a.email } });
    const code = outbox.codeFor(a.email);
    const [{ minutes }] = await t.app.services.orm.em.getConnection().execute<{ minutes: number }[]>(
      `select round(extract(epoch from (expires_at - created_at)) / 60)::int as minutes from account_tokens where user_id = ?`, [a.id]);
    expect(minutes).toBe(30);
    await t.app.services.orm.em.getConnection().execute(`update account_tokens set expires_at = now() - interval '1 second' where user_id = ?`, [a.id]);
    expect(errorCode(await gql(RESET, { input: { token: code, newPassword: 'my new long password' } }))).toBe('VALIDATION_FAILED');
  });

  it('When a user confirms their email address, Then me.emailVerified turns true and a second request sends nothing', async () => {
    const a = await account();
    expect((await ok(ME, {}, a.token)).me.emailVerified).toBe(false);
    expect((await ok('mutation { requestEmailVerification { sent } }', {}, a.token)).requestEmailVerification.sent).toBe(true);
    const code = outbox.codeFor(a.email);
    expect(outbox.sent.at(-1)!.text).toContain('https://app.example.com/verify-email?token=');
    expect((await ok('mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { user { id emailVerified } } }', { input: { token: code } })).verifyEmail.user).toEqual({ id: a.id, emailVerified: true });
    expect((await ok(ME, {}, a.token)).me.emailVerified).toBe(true);
    const sent = outbox.sent.length;
    expect((await ok('mutation { requestEmailVerification { sent } }', {}, a.token)).requestEmailVerification.sent).toBe(false);
    expect(outbox.sent.length).toBe(sent);
    expect(errorCode(await gql('mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { user { id } } }', { input: { token: code } }))).toBe('VALIDATION_FAILED');
  });

  it('When an admin invites an analyst, Then the invitee sets a password from the email and signs in as ANALYST', async () => {
    const boss = await account();
    await t.app.services.orm.em.fork().nativeUpdate(User, { id: boss.id }, { role: Role.ADMIN });
    const INVITE = 'mutation($input: InviteAnalystInput!) { inviteAnalyst(input: $input) { user { email role emailVerified } } }';
    const invitee = newAccountInput();

    expect(errorCode(await gql(INVITE, { input: { email: invitee.email, displayName: 'Dr Chen' } }, (await account()).token))).toBe('FORBIDDEN');
    expect((await ok(INVITE, { input: { email: invitee.email, displayName: 'Dr Chen' } }, boss.token)).inviteAnalyst.user).toEqual({ email: invitee.email, role: 'ANALYST', emailVerified: false });
    expect(errorCode(await gql(INVITE, { input: { email: invitee.email, displayName: 'Again' } }, boss.token))).toBe('EMAIL_TAKEN');

    await ok(RESET, { input: { token: outbox.codeFor(invitee.email), newPassword: invitee.password } });
    expect((await ok(LOGIN, { input: { email: invitee.email, password: invitee.password } })).login.user).toEqual({ role: 'ANALYST', emailVerified: true });
  });

  it('When reset emails for one address are asked for again and again, Then the requests are rate-limited', async () => {
    const a = await account();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) codes.push(errorCode(await gql(REQUEST_RESET, { input: { email: a.email } })));
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(undefined));
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});
