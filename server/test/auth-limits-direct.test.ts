// Auth rate limits without a trusted proxy (the socket is the client; sign-ups per address), and limits
// shared by two instances through Redis. Each describe starts its own app(s), one after the other.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tableCounts, type TestApp } from './helpers.ts';
import { from, PASSWORD, post, randomAddress, SIGN_UP, signIn } from './auth-limits-helpers.ts';

describe('without TRUST_PROXY', () => {
  let direct: TestApp;
  beforeAll(async () => {
    direct = await startTestApp({
      AUTH_MAX_FAILURES_PER_ADDRESS: '3',
      AUTH_MAX_SIGNUPS_PER_ADDRESS_PER_HOUR: '2',
    });
  });
  afterAll(() => direct.stop());

  it('ignores X-Forwarded-For: the socket is the client', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await signIn(direct, `nobody-${i}@example.com`, 'guess-guess', {
            'x-forwarded-for': randomAddress(),
          })
        ).__typename,
      ).toBe('InvalidCredentialsError');
    }
    expect(
      (
        await signIn(direct, 'nobody-4@example.com', 'guess-guess', {
          'x-forwarded-for': randomAddress(),
        })
      ).__typename,
    ).toBe('RateLimitedError');
  });

  it('refuses the third sign-up attempt of an hour from one address and writes nothing', async () => {
    const up = (i: number) =>
      post(
        direct,
        SIGN_UP,
        {
          input: {
            email: `spam-${i}-${randomBytes(3).toString('hex')}@example.com`,
            name: 'Spam',
            password: PASSWORD,
          },
        },
        { 'x-forwarded-for': randomAddress() },
      );
    expect((await up(1)).body.data!.signUp.__typename).toBe('MutationSignUpSuccess');
    expect((await up(2)).body.data!.signUp.__typename).toBe('MutationSignUpSuccess');
    const before = await tableCounts(direct);
    const third = (await up(3)).body.data!.signUp;
    expect(third.__typename).toBe('RateLimitedError');
    expect(third.message).toMatch(/Too many sign-ups/);
    expect(new Date(third.retryAfter).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(await tableCounts(direct)).toEqual(before);
  });
});

describe('limits shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      TRUST_PROXY: '1',
      AUTH_MAX_FAILURES_PER_ACCOUNT: '4',
      AUTH_MAX_FAILURES_PER_ADDRESS: '3',
    };
    a = await startTestApp(env);
    b = await startTestApp(env, { shareWith: a });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('counts failures on instance A against the account on instance B', async () => {
    const { email } = await a.signUp();
    for (let i = 0; i < 4; i++)
      expect((await signIn(i % 2 ? b : a, email, `wrong-${i}`, from(randomAddress()))).__typename).toBe(
        'InvalidCredentialsError',
      );
    expect((await signIn(b, email, PASSWORD, from(randomAddress()))).__typename).toBe('RateLimitedError');
    expect((await signIn(a, email, PASSWORD, from(randomAddress()))).__typename).toBe('RateLimitedError');
  });

  it('counts failures on instance A against the address on instance B', async () => {
    const address = randomAddress();
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await signIn(
            i % 2 ? b : a,
            `nobody-${i}-${randomBytes(3).toString('hex')}@example.com`,
            'guess-guess',
            from(address),
          )
        ).__typename,
      ).toBe('InvalidCredentialsError');
    }
    const { email } = await a.signUp();
    expect((await signIn(b, email, PASSWORD, from(address))).__typename).toBe('RateLimitedError');
    expect((await signIn(b, email, PASSWORD, from(randomAddress()))).__typename).toBe('MutationSignInSuccess');
  });
});
