import { User } from '../src/domain/accounts/user.entity';
import { Role } from '../src/domain/tiers';
import { errorCode, type GraphQLResult } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
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
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const ME = '{ me { id displayName tier limits { partnerPersonas monthlyTokens } usage { month monthlyTokens tokensUsed tokensReserved tokensLeft } } }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { endedSessionCount } }';
const SET_PLAN = 'mutation($input: SetUserPlanInput!) { setUserPlan(input: $input) { user { id tier role limits { partnerPersonas } usage { tokensLeft } } } }';
const CREATE_PARTNER = 'mutation($name: String!) { createPersona(input: { kind: PARTNER, name: $name }) { persona { id } } }';

async function account() {
  const input = newAccountInput();
  const { register } = await ok(REGISTER, { input });
  return { ...input, id: register.user.id as string, token: register.accessToken as string };
}

async function admin() {
  const a = await account();
  // The first admin is made by the operator (SQL or seed); later ones through setUserPlan.
  await t.app.services.orm.em.fork().nativeUpdate(User, { id: a.id }, { role: Role.ADMIN });
  return a;
}

describe('Account self-service', () => {
  it('When a user changes their password, Then their other sessions end, this one continues, and only the new password signs in', async () => {
    const a = await account();
    const other = (await ok(LOGIN, { input: { email: a.email, password: a.password } })).login.accessToken as string;

    const wrong = await gql(CHANGE_PASSWORD, { input: { currentPassword: 'not my password', newPassword: 'a brand new password' } }, a.token);
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect((await gql(ME, {}, other)).data?.me.id).toBe(a.id);

    const tooShort = await gql(CHANGE_PASSWORD, { input: { currentPassword: a.password, newPassword: 'short' } }, a.token);
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.newPassword' });

    expect((await ok(CHANGE_PASSWORD, { input: { currentPassword: a.password, newPassword: 'a brand new password' } }, a.token)).changePassword.endedSessionCount).toBe(1);
    expect(errorCode(await gql(ME, {}, other))).toBe('UNAUTHENTICATED');
    expect((await ok(ME, {}, a.token)).me.id).toBe(a.id);
    expect(errorCode(await gql(LOGIN, { input: { email: a.email, password: a.password } }))).toBe('UNAUTHENTICATED');
    expect((await ok(LOGIN, { input: { email: a.email, password: 'a brand new password' } })).login.accessToken).toEqual(expect.any(String));
  });

  it('When a user edits their display name, Then me shows it; an empty name is refused naming the field', async () => {
    const a = await account();
    const UPDATE = 'mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { displayName } } }';
    expect((await ok(UPDATE, { input: { displayName: '  Mei Lin ' } }, a.token)).updateMyProfile.user.displayName).toBe('Mei Lin');
    expect((await ok(ME, {}, a.token)).me.displayName).toBe('Mei Lin');
    expect((await gql(UPDATE, { input: { displayName: '   ' } }, a.token)).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.displayName' });
  });

  it('When an admin raises a user to PREMIUM, Then the higher limits apply at once to the session already open', async () => {
    const [boss, user] = [await admin(), await account()];
    await ok(CREATE_PARTNER, { name: 'One' }, user.token);
    await ok(CREATE_PARTNER, { name: 'Two' }, user.token);
    expect(errorCode(await gql(CREATE_PARTNER, { name: 'Three' }, user.token))).toBe('QUOTA_EXCEEDED');

    expect(errorCode(await gql(SET_PLAN, { input: { userId: boss.id, tier: 'PREMIUM' } }, user.token))).toBe('FORBIDDEN');
    const { setUserPlan } = await ok(SET_PLAN, { input: { userId: user.id, tier: 'PREMIUM' } }, boss.token);
    expect(setUserPlan.user).toMatchObject({ tier: 'PREMIUM', role: 'USER', limits: { partnerPersonas: 5 }, usage: { tokensLeft: 2_000_000 } });

    expect((await ok(ME, {}, user.token)).me).toMatchObject({ tier: 'PREMIUM', limits: { partnerPersonas: 5, monthlyTokens: 2_000_000 } });
    expect((await ok(CREATE_PARTNER, { name: 'Three' }, user.token)).createPersona.persona.id).toEqual(expect.any(String));

    expect((await ok(SET_PLAN, { input: { userId: user.id, role: 'ANALYST' } }, boss.token)).setUserPlan.user.role).toBe('ANALYST');
    expect((await gql(SET_PLAN, { input: { userId: boss.id, role: 'USER' } }, boss.token)).errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(errorCode(await gql(SET_PLAN, { input: { userId: '00000000-0000-4000-8000-000000000000', tier: 'BASIC' } }, boss.token))).toBe('USER_NOT_FOUND');
  });

  it('When a user reads me.usage, Then it shows the tokens used, held and left this month', async () => {
    const a = await account();
    const month = new Date().toISOString().slice(0, 7);
    expect((await ok(ME, {}, a.token)).me.usage).toEqual({ month, monthlyTokens: 200_000, tokensUsed: 0, tokensReserved: 0, tokensLeft: 200_000 });
    await t.app.services.orm.em.getConnection().execute('insert into monthly_token_usage (user_id, month, used, reserved) values (?, ?, 1234, 66)', [a.id, month]);
    expect((await ok(ME, {}, a.token)).me.usage).toEqual({ month, monthlyTokens: 200_000, tokensUsed: 1234, tokensReserved: 66, tokensLeft: 198_700 });
  });
});
