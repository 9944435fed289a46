import { SmtpInbox } from '../src/email/fixtures/smtp-inbox';
import { errorCode, type GraphQLResult } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

let inbox: SmtpInbox;
let t: TestApp;
beforeAll(async () => {
  inbox = await SmtpInbox.start();
  // Configured as an operator would: EMAIL_TRANSPORT=smtp with a real (in-process) SMTP server.
  t = await startTestApp({
    APP_URL: 'https://app.example.com',
    EMAIL_TRANSPORT: 'smtp',
    SMTP_URL: inbox.url(),
    EMAIL_FROM: 'SoulLink <no-reply@soullink.test>',
  });
});
afterAll(async () => {
  await t.close();
  await inbox.close();
});

type Data = Record<string, any>;
const gql = (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult<Data>> => t.http.raw<Data>({ query, variables }, token);
async function ok(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Data> {
  const result = await gql(query, variables, token);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { emailVerified } } }';
const REQUEST_RESET = 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { passwordReset } }';

describe('Password reset end to end through SMTP', () => {
  it('When a user asks for a reset, Then the mail arrives over SMTP, its link resets the password once, and the old password stops working', async () => {
    const a = newAccountInput();
    await ok(REGISTER, { input: a });
    expect(t.app.services.email.delivers).toBe(true);

    const before = inbox.received.length;
    expect((await ok(REQUEST_RESET, { input: { email: 'nobody-here@example.com' } })).requestPasswordReset.accepted).toBe(true);
    expect((await ok(REQUEST_RESET, { input: { email: a.email } })).requestPasswordReset.accepted).toBe(true);
    const mail = await inbox.latestTo(a.email, before);
    expect(mail).toMatchObject({ authenticatedAs: 'mailer', from: 'SoulLink <no-reply@soullink.test>', to: a.email, subject: 'Reset your SoulLink password' });
    expect(mail.envelope.from).toBe('no-reply@soullink.test');
    // Only the account's own address got mail: unknown addresses get none (and the same answer).
    expect(inbox.received.slice(before).flatMap((m) => m.envelope.to)).toEqual([a.email]);

    const link = mail.text.match(/https:\/\/app\.example\.com\/reset-password\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token')!;

    expect((await ok(RESET, { input: { token, newPassword: 'a brand new passphrase' } })).resetPassword.passwordReset).toBe(true);
    expect(errorCode(await gql(LOGIN, { input: { email: a.email, password: a.password } }))).toBe('UNAUTHENTICATED');
    expect((await ok(LOGIN, { input: { email: a.email, password: 'a brand new passphrase' } })).login.user.emailVerified).toBe(true);

    const reuse = await gql(RESET, { input: { token, newPassword: 'yet another passphrase' } });
    expect(reuse.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.token' });
  });

  it('When nothing asks for tracing, Then the app runs with tracing off', () => {
    expect(t.app.services.tracer.enabled).toBe(false);
  });
});
