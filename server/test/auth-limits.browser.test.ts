// The sign-in form of the built React app, in headless Chromium, once an account's failed sign-ins reach
// their limit (AUTH_MAX_FAILURES_PER_ACCOUNT=2): the form shows the server's message and waits.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from './helpers.ts';
import { buildClient, launchChromium, screenshot } from './browser.ts';

let app: TestApp | undefined;
let browser: Browser | undefined;
let dist: string | undefined;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'better-ads-client-'));
  buildClient(dist);
  app = await startTestApp({ CLIENT_DIST: dist, AUTH_MAX_FAILURES_PER_ACCOUNT: '2' });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
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
