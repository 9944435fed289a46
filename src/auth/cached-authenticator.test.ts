import { Role } from '../domain/tiers';
import { User } from '../domain/accounts/user.entity';
import { errorCode, type GraphQLResult } from '../../test/support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from '../../test/support/test-app';
import { describeWithRedis, startApiInstancesOverRedis } from '../../test/support/api-instances-over-redis';

// Integration: the real API against the test PostgreSQL (and Redis for the two-instance part).
// Every check is made on the very next request after the change: "at once", not "eventually".

const ME = '{ me { id displayName tier role } }';
const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const LOGOUT = 'mutation { logout { endedSessionId } }';
const UPDATE_PROFILE = 'mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { displayName } } }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { endedSessionCount } }';
const DELETE_ACCOUNT = 'mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) { deletedUserId } }';
const SET_PLAN = 'mutation($input: SetUserPlanInput!) { setUserPlan(input: $input) { user { tier } } }';

type Me = { me: { id: string; displayName: string; tier: string; role: string } };

async function gql<T = Record<string, unknown>>(t: TestApp, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult<T>> {
  return t.http.raw<T>({ query, variables }, token);
}

async function ok<T = Record<string, unknown>>(t: TestApp, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const result = await gql<T>(t, query, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A new account signed in on two devices; `me` has been read with both tokens, so both sessions are cached. */
async function signedInTwice(register: TestApp, readers: TestApp[]) {
  const input = newAccountInput();
  const first = (await ok<{ register: { accessToken: string; user: { id: string } } }>(register, REGISTER, { input })).register;
  const second = (await ok<{ login: { accessToken: string } }>(register, LOGIN, { input: { email: input.email, password: input.password } })).login;
  for (const t of readers) for (const token of [first.accessToken, second.accessToken]) await ok<Me>(t, ME, {}, token);
  return { input, id: first.user.id, first: first.accessToken, second: second.accessToken };
}

function reasonOf(result: GraphQLResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.reason;
}

describe('Cached sessions on one API instance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('When a cached session logs out, Then its next request is refused as revoked and the other session still works', async () => {
    const user = await signedInTwice(t, [t]);
    await ok(t, LOGOUT, {}, user.first);
    const refused = await gql(t, ME, {}, user.first);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(reasonOf(refused)).toBe('SESSION_REVOKED');
    expect((await ok<Me>(t, ME, {}, user.second)).me.id).toBe(user.id);
  });

  it('When the user changes their profile, Then the next request sees the change', async () => {
    const user = await signedInTwice(t, [t]);
    await ok(t, UPDATE_PROFILE, { input: { displayName: 'Renamed' } }, user.first);
    expect((await ok<Me>(t, ME, {}, user.first)).me.displayName).toBe('Renamed');
    expect((await ok<Me>(t, ME, {}, user.second)).me.displayName).toBe('Renamed');
  });

  it('When an operator changes the user row with raw SQL through the app, Then the next request sees it', async () => {
    const user = await signedInTwice(t, [t]);
    await t.app.services.orm.em.getConnection().execute(`update users set tier = 'PREMIUM' where id = ?`, [user.id]);
    expect((await ok<Me>(t, ME, {}, user.first)).me.tier).toBe('PREMIUM');
    await t.app.services.orm.em.fork().nativeUpdate(User, { id: user.id }, { role: Role.ANALYST });
    expect((await ok<Me>(t, ME, {}, user.second)).me.role).toBe('ANALYST');
  });

  it('When the account is deleted, Then its other cached session is refused on its next request', async () => {
    const user = await signedInTwice(t, [t]);
    await ok(t, DELETE_ACCOUNT, { input: { confirmEmail: user.input.email } }, user.first);
    expect(errorCode(await gql(t, ME, {}, user.second))).toBe('UNAUTHENTICATED');
  });
});

describeWithRedis('Cached sessions across API instances (Redis pub/sub)', () => {
  let a: TestApp;
  let b: TestApp;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => ({ a, b, close } = await startApiInstancesOverRedis()));
  afterAll(() => close?.());

  it('When a session cached on one instance logs out through another, Then the first refuses its next request', async () => {
    const user = await signedInTwice(a, [a, b]);
    await ok(b, LOGOUT, {}, user.first);
    expect(reasonOf(await gql(a, ME, {}, user.first))).toBe('SESSION_REVOKED');
    expect((await ok<Me>(a, ME, {}, user.second)).me.id).toBe(user.id);
  });

  it('When the password is changed on one instance, Then the other sessions cached on another are refused there at once', async () => {
    const user = await signedInTwice(a, [a, b]);
    await ok(b, CHANGE_PASSWORD, { input: { currentPassword: user.input.password, newPassword: 'a whole new passphrase' } }, user.first);
    expect(reasonOf(await gql(a, ME, {}, user.second))).toBe('SESSION_REVOKED');
    expect((await ok<Me>(a, ME, {}, user.first)).me.id).toBe(user.id);
  });

  it('When the account is erased on one instance, Then its sessions cached on another are refused at once', async () => {
    const user = await signedInTwice(a, [a, b]);
    await ok(b, DELETE_ACCOUNT, { input: { confirmEmail: user.input.email } }, user.first);
    expect(errorCode(await gql(a, ME, {}, user.second))).toBe('UNAUTHENTICATED');
  });

  it('When an admin changes a user’s tier on one instance, Then the user’s session cached on another sees it at once', async () => {
    const admin = await signedInTwice(a, []);
    await a.app.services.orm.em.fork().nativeUpdate(User, { id: admin.id }, { role: Role.ADMIN });
    const user = await signedInTwice(a, [a, b]);
    await ok(a, SET_PLAN, { input: { userId: user.id, tier: 'PREMIUM' } }, admin.first);
    expect((await ok<Me>(b, ME, {}, user.first)).me.tier).toBe('PREMIUM');
  });
});
