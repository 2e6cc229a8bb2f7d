// The sign-in form of the built React app, in headless Chromium, once an account's failed sign-ins reach
// their limit (AUTH_MAX_FAILURES_PER_ACCOUNT=2): the form shows the server's message and waits.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from './helpers.ts';
import { startBrowserApp, screenshot } from './browser.ts';

let app: TestApp | undefined;
let browser: Browser | undefined;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ app, browser, stop: stopAll } = await startBrowserApp({ AUTH_MAX_FAILURES_PER_ACCOUNT: '2' }));
}, 240_000);
afterAll(async () => {
  await stopAll?.();
});

it('shows the rate-limit message on the sign-in form and keeps the button disabled', async () => {
  const { email } = await app!.signUp();
  const page = await browser!.newPage();
  page.setDefaultTimeout(30_000);
  try {
    await page.goto(app!.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    const alert = page.getByRole('alert');
    const submit = async (password: string) => {
      await page.getByLabel('Password').fill(password);
      const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await answered;
    };
    for (const guess of ['wrong-one', 'wrong-two']) {
      await submit(guess);
      await expect.poll(() => alert.textContent()).toBe('Email or password is incorrect.');
    }
    await submit('correct horse battery');
    await expect.poll(() => alert.textContent()).toMatch(/^Too many failed sign-ins; try again in 15 minutes\.$/);
    const button = page.getByRole('button', { name: /^Try again at \d/ });
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, 'auth-rate-limited');
  } finally {
    await page.close();
  }
}, 120_000);
