// Variants and pick one, in headless Chromium: "Variants: 3" prices three images before submit, makes them side by
// side in one row, and "Keep this one" leaves the kept one alone in the list (the others deleted); the same for
// two b-rolls. Screenshots: test-artifacts/variants-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, startBrowserApp } from './browser.ts';
import { dbId, waitFor, type TestApp } from './helpers.ts';

let started: Awaited<ReturnType<typeof startBrowserApp>> | undefined;
let app: TestApp;
beforeAll(async () => {
  started = await startBrowserApp();
  app = started.app;
  app.emulator.configure({ latencyMs: 800 });
}, 240_000);
afterAll(() => started?.stop());

/** The price a form shows once its quote has settled, in USD. */
async function settledPrice(form: Locator): Promise<number> {
  const price = form.locator('[data-testid="price"][data-settled="true"]');
  await price.waitFor();
  return Number((await price.locator('strong').textContent())!.replace('$', ''));
}
/** The form's price once it is no longer `previous`. */
async function priceAfter(form: Locator, previous: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const now = await settledPrice(form);
    if (now !== previous) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the price stayed ${previous}`);
}
const row = (page: Page, kind: 'image' | 'broll') =>
  page.locator('[data-testid="variant-row"]', { has: page.locator(`[data-testid="${kind}-card"]`) });

describe('variants in the studio', () => {
  it('makes variants side by side, priced by count, and keeps the one picked', async () => {
    const user = await app.signUp('Ada');
    const projectId = (
      await app.gql(
        `mutation { createProject(input: { name: "Variants" }) {
          ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        user.token,
      )
    ).data.createProject.data.id as string;
    const context = await started!.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    await context.addInitScript((token) => {
      (globalThis as any).localStorage.setItem('better-ads:token', token);
    }, user.token);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(`${app.url}/projects/${encodeURIComponent(projectId)}`);
      await page.getByRole('heading', { name: 'Variants', level: 1 }).waitFor();

      // Images: the price follows the count before anything is sent.
      const form = page.getByRole('form', { name: 'Generate an image' });
      await form.getByLabel('Prompt').fill('A nurse in a bright pharmacy');
      const one = await settledPrice(form);
      await form.getByLabel('Variants').selectOption('3');
      expect(await priceAfter(form, one)).toBeCloseTo(3 * one, 4);
      await form.getByRole('button', { name: 'Generate image' }).click();
      const images = row(page, 'image');
      await images.waitFor();
      const cards = images.locator('[data-testid="image-card"]');
      expect(await cards.count()).toBe(3);
      await images.locator('[data-testid="image-card"][data-status="SUCCEEDED"]').nth(2).waitFor();
      expect(await cards.getByText(/^Variant \d of 3$/).allTextContents()).toEqual([
        'Variant 1 of 3',
        'Variant 2 of 3',
        'Variant 3 of 3',
      ]);
      // Side by side: one line of cards.
      const tops = await cards.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      await cards
        .nth(1)
        .getByRole('button', { name: /^Keep this one/ })
        .scrollIntoViewIfNeeded();
      await screenshot(page, 'variants-01-three-images');

      const keptId = await cards.nth(1).getAttribute('data-id');
      await cards.nth(1).getByRole('button', { name: 'Keep this one: variant 2' }).click();
      await images.waitFor({ state: 'detached' });
      const left = page.locator('[data-testid="image-card"]');
      expect(await left.count()).toBe(1);
      expect(await left.first().getAttribute('data-id')).toBe(keptId);
      // Shown at once (optimistic); the server's delete follows.
      await waitFor(
        'variants deleted',
        async () => (await app.prisma.image.count({ where: { userId: user.userId } })) === 1,
      );
      expect((await app.prisma.image.findFirstOrThrow({ where: { userId: user.userId } })).id).toBe(dbId(keptId!));
      await screenshot(page, 'variants-02-image-kept');

      // B-rolls: two variants, one fal request each; keep the first.
      const bForm = page.getByRole('form', { name: 'Create a b-roll' });
      await bForm.getByLabel('B-roll name').fill('Counter');
      await bForm.getByLabel('What happens in the clip').fill('Slow pan over a counter');
      const bOne = await settledPrice(bForm);
      await bForm.getByLabel('Variants').selectOption('2');
      expect(await priceAfter(bForm, bOne)).toBeCloseTo(2 * bOne, 4);
      await bForm.getByRole('button', { name: /b-roll/i }).click();
      const bRolls = row(page, 'broll');
      await bRolls.waitFor();
      await bRolls.locator('[data-testid="broll-card"][data-status="SUCCEEDED"]').nth(1).waitFor();
      await bRolls
        .getByRole('button', { name: /^Keep this one/ })
        .first()
        .scrollIntoViewIfNeeded();
      await screenshot(page, 'variants-03-two-b-rolls');
      await bRolls.getByRole('button', { name: 'Keep this one: variant 1' }).click();
      await bRolls.waitFor({ state: 'detached' });
      expect(await page.locator('[data-testid="broll-card"]').count()).toBe(1);
      await waitFor(
        'variant deleted',
        async () => (await app.prisma.bRoll.count({ where: { userId: user.userId } })) === 1,
      );
      // Every variant made stays in usage: three images and two b-rolls.
      const attempts = await app.sql(`SELECT status::text FROM "GenerationAttempt" WHERE "userId" = $1`, [user.userId]);
      expect(attempts.map((a) => a.status)).toEqual(Array(5).fill('SUCCEEDED'));
      await screenshot(page, 'variants-04-b-roll-kept');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
