import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tableCounts, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) {
  __typename
  ... on MutationSignUpSuccess { data { token expiresAt user { id email name role } } }
  ... on ValidationError { message fieldErrors { path message } }
  ... on ConflictError { message path }
} }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) {
  __typename ... on MutationSignInSuccess { data { token } } ... on Error { message } } }`;
const ME = `{ me { id email name role } }`;

describe('accounts and sessions', () => {
  it('signs up, signs in, reads me, signs out', async () => {
    const up = await app.gql(SIGN_UP, {
      input: { email: '  Ada@Example.com ', name: 'Ada', password: 'analytical engine' },
    });
    expect(up.data.signUp.__typename).toBe('MutationSignUpSuccess');
    const { token, user } = up.data.signUp.data;
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'USER' });
    expect(token).toMatch(/^bas_/);

    const stored = await app.prisma.session.findMany({ where: { user: { email: 'ada@example.com' } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);

    expect((await app.gql(ME, {}, token)).data.me.email).toBe('ada@example.com');
    expect((await app.gql(ME)).data.me).toBeNull();

    const wrong = await app.gql(SIGN_IN, { input: { email: 'ada@example.com', password: 'not the password' } });
    expect(wrong.data.signIn).toMatchObject({
      __typename: 'InvalidCredentialsError',
      message: 'Email or password is incorrect.',
    });
    const unknown = await app.gql(SIGN_IN, { input: { email: 'nobody@example.com', password: 'whatever1' } });
    expect(unknown.data.signIn.__typename).toBe('InvalidCredentialsError');

    const second = (await app.gql(SIGN_IN, { input: { email: 'ADA@example.com', password: 'analytical engine' } })).data
      .signIn.data.token;
    expect(second).not.toBe(token);

    const out = await app.gql(`mutation { signOut(input: {}) { ... on MutationSignOutSuccess { data } } }`, {}, token);
    expect(out.data.signOut.data).toBe(true);
    const after = await app.gql(ME, {}, token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // the other session lives on
    expect((await app.gql(ME, {}, second)).data.me.email).toBe('ada@example.com');
  });

  it('refuses an expired session', async () => {
    const { token, userId } = await app.signUp();
    await app.prisma.session.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const r = await app.gql(ME, {}, token);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses malformed and unknown tokens with UNAUTHENTICATED', async () => {
    for (const header of ['Bearer bas_nope', 'Bearer bak_nope']) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const basic = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(basic.status).toBe(401);
  });

  it('gives typed errors for bad sign-up input and writes nothing', async () => {
    await app.signUp();
    const existing = (await app.prisma.user.findFirstOrThrow()).email;
    const before = await tableCounts(app);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ email: 'not-an-email', name: 'X', password: 'longenough' }, ['input', 'email']],
      [{ email: 'a@b.co', name: '', password: 'longenough' }, ['input', 'name']],
      [{ email: 'a@b.co', name: '   ', password: 'longenough' }, ['input', 'name']],
      [{ email: 'a@b.co', name: 'x'.repeat(101), password: 'longenough' }, ['input', 'name']],
      [{ email: 'a@b.co', name: 'X', password: 'short' }, ['input', 'password']],
      [{ email: `${'a'.repeat(250)}@b.co`, name: 'X', password: 'longenough' }, ['input', 'email']],
    ];
    for (const [input, path] of cases) {
      const r = await app.gql(SIGN_UP, { input });
      expect(r.status).toBe(200);
      expect(r.data.signUp.__typename, JSON.stringify(input)).toBe('ValidationError');
      expect(r.data.signUp.fieldErrors.map((e: { path: string[] }) => e.path)).toContainEqual(path);
    }
    const dup = await app.gql(SIGN_UP, {
      input: { email: existing.toUpperCase(), name: 'Again', password: 'longenough' },
    });
    expect(dup.data.signUp).toMatchObject({ __typename: 'ConflictError', path: ['input', 'email'] });
    expect(await tableCounts(app)).toEqual(before);
  });

  it('authenticates WebSocket connections through connectionParams', async () => {
    const { token, email } = await app.signUp();
    const ask = (client: ReturnType<TestApp['ws']>) =>
      new Promise<any>((resolve, reject) => {
        client.subscribe({ query: '{ me { email } }' }, { next: resolve, error: reject, complete: () => {} });
      });
    expect((await ask(app.ws(token))).data.me.email).toBe(email);
    expect((await ask(app.ws())).data.me).toBeNull();
    await expect(ask(app.ws('bas_forged'))).rejects.toBeTruthy();
  });
});

describe('npm run admin:create', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/scripts/admin-create.ts', ...args], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH, DATABASE_URL: app.databaseUrl },
    });

  it('creates the first admin, or promotes an existing account', async () => {
    const created = await run(['boss@example.com', 'boss-password']);
    expect(created.stdout).toContain('created admin boss@example.com');
    const signIn = await app.gql(SIGN_IN, { input: { email: 'boss@example.com', password: 'boss-password' } });
    const token = signIn.data.signIn.data.token;
    expect((await app.gql(ME, {}, token)).data.me.role).toBe('ADMIN');

    const user = await app.signUp();
    const promoted = await run([user.email]);
    expect(promoted.stdout).toContain(`${user.email} is now an admin`);
    expect((await app.gql(ME, {}, user.token)).data.me.role).toBe('ADMIN');

    const generated = await run(['new-admin@example.com']);
    expect(generated.stdout).toMatch(/password: \S{12,}/);
    await expect(run(['not-an-email'])).rejects.toMatchObject({ code: 2 });
  }, 180_000);
});
