// Progress then cancel, in headless Chromium: with one emulated fal worker busy, a second image waits "In queue"
// while the first shows "Generating…" and its log; Cancel on each ends them CANCELLED on their cards.
// Screenshots: test-artifacts/progress-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FalEmulatorConfig } from '../src/fal/emulator.ts';
import { screenshot, startBrowserApp } from './browser.ts';
import type { TestApp } from './helpers.ts';

let started: Awaited<ReturnType<typeof startBrowserApp>> | undefined;
let app: TestApp;
beforeAll(async () => {
  started = await startBrowserApp({ GENERATION_PROGRESS_POLL_MS: '500' });
  app = started.app;
}, 240_000);
afterAll(() => started?.stop());

async function knobs(partial: Partial<FalEmulatorConfig>) {
  const res = await fetch(`${app.emulator.url}/_emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(partial),
  });
  expect(res.status).toBe(200);
}

const cardOf = (page: Page, prompt: string) =>
  page.locator('[data-testid="image-card"]', { has: page.getByText(prompt, { exact: true }) });

describe('progress and cancel in the app', () => {
  it('shows a pending card in queue, then generating, and cancels both', async () => {
    const user = await app.signUp('Grace');
    const projectId = (
      await app.gql(
        `mutation { createProject(input: { name: "Launch" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        user.token,
      )
    ).data.createProject.data.id;
    const context = await started!.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((token) => {
      (globalThis as any).localStorage.setItem('better-ads:token', token);
    }, user.token);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(`${app.url}/projects/${encodeURIComponent(projectId)}`);
      await page.getByRole('heading', { name: 'Launch', level: 1 }).waitFor();
      await knobs({ workers: 1, queueMs: 0, latencyMs: 120_000, cancelRunning: 'stops' });

      for (const prompt of ['A runner at dawn', 'A runner at dusk']) {
        await page.getByLabel('Prompt').fill(prompt);
        await page.getByRole('button', { name: 'Generate image' }).click();
        await cardOf(page, prompt).waitFor();
      }
      // Each image is handed to fal by its own job: under load the second may reach the one worker first.
      await page.getByText('In queue (#1)').waitFor();
      const dawn = cardOf(page, 'A runner at dawn');
      const dusk = cardOf(page, 'A runner at dusk');
      const dawnQueued = (await dawn.getByText('In queue (#1)').count()) > 0;
      const [queued, running] = dawnQueued ? [dawn, dusk] : [dusk, dawn];
      await running.getByText(/^Generating… \d+ s$/).waitFor();
      // The last log line: "Starting …", or "Generating: 25%" if a slow machine took a quarter of the run to get here.
      await running.getByText(/^(Starting fal-ai\/flux\/dev|Generating: \d+%)$/).waitFor();
      await screenshot(page, 'progress-01-queued-and-generating');

      await queued.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('[data-testid="image-card"][data-status="CANCELLED"]').first().waitFor();
      expect(await queued.getAttribute('data-status')).toBe('CANCELLED');
      expect(await queued.locator('.badge').textContent()).toBe('Cancelled');
      expect(await running.getAttribute('data-status')).toBe('PENDING');
      await screenshot(page, 'progress-02-queued-cancelled');

      // fal stops a running request at once here, so its CANCELLED event can beat the mutation's answer to the
      // browser: the answer is held until the card shows the event, and must not put the card back to PENDING.
      const eventFirst = page.waitForEvent(
        'requestfinished',
        (r) => r.postData()?.includes('CancelGeneration') ?? false,
      );
      await page.route('**/graphql', async (route) => {
        if (!route.request().postData()?.includes('CancelGeneration')) return route.fallback();
        const answer = await route.fetch();
        await page.locator('[data-testid="image-card"][data-status="CANCELLED"]').nth(1).waitFor();
        await route.fulfill({ response: answer });
      });
      await running.getByRole('button', { name: 'Cancel' }).click();
      await eventFirst;
      await page.unroute('**/graphql');
      // Apollo writes the answer and React renders it within a frame or two.
      await page.evaluate(() => {
        const frame = (globalThis as unknown as { requestAnimationFrame: (f: () => void) => void })
          .requestAnimationFrame;
        return new Promise<void>((r) => setTimeout(() => frame(() => frame(r)), 50));
      });
      await page.locator('[data-testid="image-card"][data-status="CANCELLED"]').nth(1).waitFor();
      expect(await running.getAttribute('data-status')).toBe('CANCELLED');
      expect(await running.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
      await screenshot(page, 'progress-03-both-cancelled');
      const rows = await app.sql<{ status: string }>(
        `SELECT status::text FROM "GenerationAttempt" WHERE "userId" = $1 ORDER BY "createdAt"`,
        [user.userId],
      );
      expect(rows).toEqual([{ status: 'CANCELLED' }, { status: 'CANCELLED' }]);
      expect(pageErrors).toEqual([]);
    } finally {
      await knobs({ workers: null, latencyMs: 500, cancelRunning: 'completes' });
      await context.close();
    }
  }, 180_000);
});
