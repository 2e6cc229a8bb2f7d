// Auth rate limits of one instance behind a trusted proxy: one auth mutation per request, failed sign-ins per
// account and per client address, and the same answer for an unknown email and a wrong password.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tableCounts, type TestApp } from './helpers.ts';
import { from, PASSWORD, post, randomAddress, SIGN_IN, signIn } from './auth-limits-helpers.ts';

let app: TestApp;

// Each instance uses the process's one database client: instances on different databases run one after the other.
describe('one instance behind a trusted proxy', () => {
  beforeAll(async () => {
    // One trusted proxy, so each test can come from its own addresses; 5 failures per address.
    app = await startTestApp({
      TRUST_PROXY: '1',
      AUTH_MAX_FAILURES_PER_ADDRESS: '5',
    });
  });
  afterAll(() => app.stop());

  describe('one auth mutation per request', () => {
    it(`refuses 400 aliased signIn in one request before any runs (the right password among them signs nobody \
in)`, async () => {
      const { email } = await app.signUp();
      const before = await tableCounts(app);
      const guesses = Array.from(
        { length: 400 },
        (_, i) =>
          `g${i}: signIn(input: { email: "${email}",
            password: "${i === 399 ? PASSWORD : `guess-${i}`}" }) { __typename }`,
      );
      const r = await post(app, `mutation { ${guesses.join('\n')} }`, {});
      expect(r.status).toBe(400);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message).toMatch(/At most one signIn or signUp per request/);
      expect(await tableCounts(app)).toEqual(before); // no session
      // Nothing was counted either (had the guesses run, their failures would have locked the account).
      expect((await signIn(app, email, PASSWORD, from(randomAddress()))).__typename).toBe('MutationSignInSuccess');
    });

    it('counts through fragments, and signIn with signUp, on HTTP and WebSocket alike', async () => {
      const { email } = await app.signUp();
      const viaFragment = `mutation { ...Guesses } fragment Guesses on Mutation {
        a: signIn(input: { email: "${email}", password: "one-guess" }) { __typename }
        ... on Mutation { b: signIn(input: { email: "${email}", password: "two-guess" }) { __typename } } }`;
      const mixed = `mutation { signUp(input: {
        email: "new-${randomBytes(3).toString('hex')}@example.com", name: "N", password: "${PASSWORD}" }) { __typename }
        signIn(input: { email: "${email}", password: "${PASSWORD}" }) { __typename } }`;
      const before = await tableCounts(app);
      for (const query of [viaFragment, mixed]) {
        const r = await post(app, query, {});
        expect(r.status, query).toBe(400);
        expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const ws = app.ws();
      const errors = await new Promise<readonly { message: string; extensions?: Record<string, unknown> }[]>(
        (resolve, reject) =>
          ws.subscribe(
            { query: viaFragment },
            {
              next: (r) => reject(new Error(`ran: ${JSON.stringify(r)}`)),
              error: (e) => resolve(e as never),
              complete: () => reject(new Error('completed')),
            },
          ),
      );
      expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await tableCounts(app)).toEqual(before);
      // Two response keys are two executions; one field selected twice is merged into one and runs once.
      const twice = await post(
        app,
        `mutation { signIn(input: { email: "${email}", password: "${PASSWORD}" }) { __typename } again: signIn(input: {
          email: "${email}", password: "${PASSWORD}" }) { __typename } }`,
        {},
      );
      expect(twice.status).toBe(400);
      const same = await post(
        app,
        `mutation { signIn(input: { email: "${email}", password: "${PASSWORD}" }) { __typename }
          ... on Mutation { signIn(input: { email: "${email}", password: "${PASSWORD}" }) { __typename } } }`,
        {},
      );
      expect(same.body.data?.signIn.__typename).toBe('MutationSignInSuccess');
    });
  });

  describe('failed sign-ins per account', () => {
    it(`refuses the 11th failure of an account, even with the right password and from new addresses, until \
retryAfter`, async () => {
      const { email } = await app.signUp();
      for (let i = 0; i < 10; i++) {
        expect((await signIn(app, email.toUpperCase(), `wrong-${i}`, from(randomAddress()))).__typename).toBe(
          'InvalidCredentialsError',
        );
      }
      const limited = await signIn(app, ` ${email} `, PASSWORD, from(randomAddress()));
      expect(limited.__typename).toBe('RateLimitedError');
      expect(limited.message).toMatch(/Too many failed sign-ins; try again in 15 minutes/);
      const wait = new Date(limited.retryAfter).getTime() - Date.now();
      expect(wait).toBeGreaterThan(14 * 60_000);
      expect(wait).toBeLessThanOrEqual(15 * 60_000);
      // Another account from the same address is not concerned.
      const other = await app.signUp();
      expect((await signIn(app, other.email, PASSWORD, from(randomAddress()))).__typename).toBe(
        'MutationSignInSuccess',
      );
    });

    it('starts an account afresh after a successful sign-in', async () => {
      const { email } = await app.signUp();
      for (let i = 0; i < 9; i++) await signIn(app, email, `wrong-${i}`, from(randomAddress()));
      expect((await signIn(app, email, PASSWORD, from(randomAddress()))).__typename).toBe('MutationSignInSuccess');
      for (let i = 0; i < 10; i++)
        expect((await signIn(app, email, `wrong-${i}`, from(randomAddress()))).__typename).toBe(
          'InvalidCredentialsError',
        );
      expect((await signIn(app, email, PASSWORD, from(randomAddress()))).__typename).toBe('RateLimitedError');
    });

    it('lets only the allowance through when guesses arrive at once', async () => {
      const { email } = await app.signUp();
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => signIn(app, email, `wrong-${i}`, from(randomAddress()))),
      );
      const kinds = answers.map((a) => a.__typename);
      expect(kinds.filter((k) => k === 'InvalidCredentialsError')).toHaveLength(10);
      expect(kinds.filter((k) => k === 'RateLimitedError')).toHaveLength(20);
    });
  });

  describe('failed sign-ins per client address', () => {
    it(`refuses an address past 5 failures whatever the emails; other addresses go on; a spoofed X-Forwarded-For entry \
does not help`, async () => {
      const address = randomAddress();
      for (let i = 0; i < 5; i++) {
        const spoofed = { 'x-forwarded-for': `198.51.100.${i}, ${address}` };
        expect(
          (await signIn(app, `nobody-${i}-${randomBytes(3).toString('hex')}@example.com`, 'guess-guess', spoofed))
            .__typename,
        ).toBe('InvalidCredentialsError');
      }
      const { email } = await app.signUp();
      const limited = await signIn(app, email, PASSWORD, from(address));
      expect(limited.__typename).toBe('RateLimitedError');
      expect(new Date(limited.retryAfter).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
      expect((await signIn(app, email, PASSWORD, from(randomAddress()))).__typename).toBe('MutationSignInSuccess');
    });

    it('counts WebSocket sign-ins on the same address as HTTP ones', async () => {
      // Neither carries X-Forwarded-For: both come from the socket's 127.0.0.1.
      const ask = (email: string) =>
        new Promise<any>((resolve, reject) => {
          app.ws().subscribe(
            {
              query: SIGN_IN,
              variables: { input: { email, password: 'guess-guess' } },
            },
            {
              next: (r) => resolve(r.data!.signIn),
              error: reject,
              complete: () => {},
            },
          );
        });
      const unknown = () => `nobody-${randomBytes(4).toString('hex')}@example.com`;
      for (let i = 0; i < 3; i++)
        expect((await signIn(app, unknown(), 'guess-guess')).__typename).toBe('InvalidCredentialsError');
      for (let i = 0; i < 2; i++) expect((await ask(unknown())).__typename).toBe('InvalidCredentialsError');
      expect((await ask(unknown())).__typename).toBe('RateLimitedError');
      expect((await signIn(app, unknown(), 'guess-guess')).__typename).toBe('RateLimitedError');
    });
  });

  describe('unknown email and wrong password', () => {
    it('give the same answer, in about the same time', async () => {
      const { email } = await app.signUp();
      const unknown = `nobody-${randomBytes(4).toString('hex')}@example.com`;
      const wrong = await post(app, SIGN_IN, { input: { email, password: 'not the password' } }, from(randomAddress()));
      const missing = await post(
        app,
        SIGN_IN,
        { input: { email: unknown, password: 'not the password' } },
        from(randomAddress()),
      );
      expect(missing.status).toBe(wrong.status);
      expect(missing.text).toBe(wrong.text);
      expect(wrong.body.data!.signIn.__typename).toBe('InvalidCredentialsError');

      const time = async (who: string) => {
        const t = performance.now();
        await signIn(app, who, 'not the password', from(randomAddress()));
        return performance.now() - t;
      };
      const wrongTimes: number[] = [];
      const unknownTimes: number[] = [];
      for (let i = 0; i < 7; i++) {
        wrongTimes.push(await time(email));
        unknownTimes.push(await time(`nobody-${i}-${unknown}`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      // Without the dummy hash an unknown email answers in a few ms, a wrong password after scrypt (tens of ms).
      expect(median(unknownTimes)).toBeGreaterThan(median(wrongTimes) * 0.5);
      expect(median(unknownTimes)).toBeLessThan(median(wrongTimes) * 2);
    });
  });
});
