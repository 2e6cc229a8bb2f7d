// Prices before clicking and the Usage screen, in headless Chromium: every generation form shows its price,
// which follows duration, format and quality; an avatar's card shows its format; /usage draws spend per day.
// Screenshots: test-artifacts/formats-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, startBrowserApp } from './browser.ts';
import { untilStatus, type TestApp } from './helpers.ts';

declare const localStorage: any;

let env: Awaited<ReturnType<typeof startBrowserApp>> | undefined;
let app: TestApp;

beforeAll(async () => {
  env = await startBrowserApp();
  app = env.app;
  app.emulator.configure({ latencyMs: 100 });
}, 240_000);
afterAll(() => env?.stop());

/** The price a form shows once its quote has answered for the inputs as they are now. */
async function priceOf(form: Locator): Promise<string> {
  const tag = form.locator('[data-testid="price"][data-settled="true"]');
  await tag.waitFor({ timeout: 30_000 });
  return (await tag.locator('strong').textContent())!.trim();
}

/** The price once it is no longer `previous` (the quote is asked again after the inputs settle). */
async function priceChangedFrom(form: Locator, previous: string): Promise<string> {
  const page = form.page();
  const end = Date.now() + 30_000;
  for (;;) {
    const now = await priceOf(form);
    if (now !== previous) return now;
    if (Date.now() > end) throw new Error(`price stayed ${previous}`);
    await page.waitForTimeout(100);
  }
}

async function signedInPage(token: string): Promise<Page> {
  const context = await env!.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript((t) => localStorage.setItem('better-ads:token', t), token);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

describe('prices and usage in the app', () => {
  it('shows each form’s price before submitting, following duration, format and quality', async () => {
    const user = await app.signUp();
    const project = await app.gql(
      `mutation { createProject(input: { name: "Prix" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    );
    const projectId = project.data.createProject.data.id;
    const page = await signedInPage(user.token);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/projects/${encodeURIComponent(projectId)}`);

    // Generate: FLUX dev, one megapixel at most whatever the format.
    const generate = page.getByRole('form', { name: 'Generate an image' });
    expect(await priceOf(generate)).toBe('$0.025');
    await generate.getByLabel('Prompt').fill('Portrait of Claire, a smiling nurse');
    await generate.getByRole('button', { name: 'Generate image' }).click();
    const ready = page.locator('[data-testid="image-card"][data-status="SUCCEEDED"]').first();
    await ready.waitFor({ timeout: 60_000 });

    // Edit: FLUX dev image-to-image on the image's megapixels, or Kontext per image.
    await ready.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await priceOf(ready)).toBe('$0.03');
    await ready.getByLabel('Kind of edit').selectOption('INSTRUCTION');
    expect(await priceChangedFrom(ready, '$0.03')).toBe('$0.04');
    await screenshot(page, 'formats-01-edit-price');
    await ready.getByRole('button', { name: 'Edit', exact: true }).click();
    // Avatar (it uses the image up): 5 s standard, then 10 s (twice), then Fast (about 60% less).
    await ready.getByRole('button', { name: 'Use as reference' }).click();
    const avatarForm = page.getByRole('form', { name: 'Create an avatar' });
    const fiveSeconds = await priceOf(avatarForm);
    expect(fiveSeconds).toBe('$0.62');
    await avatarForm.getByLabel('Duration').selectOption('10');
    const tenSeconds = await priceChangedFrom(avatarForm, fiveSeconds);
    expect(tenSeconds).toBe('$1.24');
    await avatarForm.getByLabel('Quality').selectOption('FAST');
    const fast = await priceChangedFrom(avatarForm, tenSeconds);
    expect(fast).toBe('$0.486');
    await avatarForm.getByLabel('Format').selectOption('R9_16');
    await screenshot(page, 'formats-02-avatar-price');
    await avatarForm.getByLabel('Avatar name').fill('Claire 9:16');
    await avatarForm.getByRole('button', { name: 'Create avatar' }).click();
    const avatarCard = page.locator('[data-testid="avatar-card"]').first();
    await expect.poll(() => avatarCard.getByTestId('avatar-format').textContent()).toBe('9:16 · 10 s · Fast');
    await page.locator('[data-testid="avatar-card"][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    expect(await avatarCard.getByTestId('avatar-format').textContent()).toBe('9:16 · 10 s · Fast');
    await screenshot(page, 'formats-03-avatar-card');

    // B-roll: text-to-video, its own price that follows its own selects.
    const bRollForm = page.getByRole('form', { name: 'Create a b-roll' });
    const bRollPrice = await priceOf(bRollForm);
    expect(bRollPrice).toBe('$0.62');
    await bRollForm.getByLabel('Quality').selectOption('FAST');
    expect(await priceChangedFrom(bRollForm, bRollPrice)).toBe('$0.243');

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws spend per day on /usage, by model too', async () => {
    const user = await app.signUp('Usage');
    const project = await app.gql(
      `mutation { createProject(input: { name: "Usage" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    );
    const projectId = project.data.createProject.data.id;
    const made = await app.gql(
      `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "a mug" }) {
        ... on MutationGenerateImageSuccess { data { id } } } }`,
      { p: projectId },
      user.token,
    );
    await untilStatus(app, user.token, made.data.generateImage.data.id);
    // Earlier days of the month, as the ledger would have them.
    const now = new Date();
    const day = now.getUTCDate();
    const earlier = day > 1 ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 12)) : null;
    if (earlier)
      await app.prisma.generationAttempt.create({
        data: {
          userId: user.userId,
          kind: 'AVATAR',
          targetId: 'gone',
          status: 'SUCCEEDED',
          falModel: 'fal-ai/bytedance/seedance/v1/pro/image-to-video',
          estimatedCostUsd: 0.62,
          submittedAt: earlier,
          finishedAt: earlier,
        },
      });
    const page = await signedInPage(user.token);
    await page.goto(`${app.url}/usage`);
    await page.getByRole('heading', { name: 'Usage' }).waitFor();
    const chart = page.getByTestId('spend-chart');
    await chart.waitFor();
    expect(await chart.locator('rect.bar').count()).toBe(day);
    const today = now.toISOString().slice(0, 10);
    expect(await chart.locator(`rect.bar[data-day="${today}"] title`).textContent()).toContain('$0.025');
    if (earlier) {
      const first = chart.locator(`rect.bar[data-day="${today.slice(0, 8)}01"]`);
      expect(Number(await first.getAttribute('height'))).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('usage-total').textContent()).toBe(earlier ? '$0.645' : '$0.025');
    expect(await page.getByRole('table').textContent()).toContain('fal-ai/flux/dev');
    await screenshot(page, 'formats-04-usage');
    await page.getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => chart.locator('rect.bar').count()).toBe(1);
    await page.context().close();
  });
});
