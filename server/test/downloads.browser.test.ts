// Downloads and export in the app, in headless Chromium: each card's Download saves the item under its
// readable name (the download's suggested file name comes from the server's Content-Disposition), and
// "Export project" shows the export building, then its ZIP link. Screenshots: test-artifacts/downloads-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot, startBrowserApp } from './browser.ts';
import type { TestApp } from './helpers.ts';
import { makeProjectMedia, type ProjectMedia } from './project-media.ts';

declare const localStorage: any;

let app: TestApp;
let browser: Browser;
let stop: (() => Promise<void>) | undefined;
let user: { token: string; userId: string };
let media: ProjectMedia;

beforeAll(async () => {
  ({ app, browser, stop } = await startBrowserApp());
  app.emulator.configure({ latencyMs: 50 });
  user = await app.signUp();
  media = await makeProjectMedia(app, user.token, {
    project: 'Lancement Été',
    image: 'Un café "noir"/serré',
    avatar: 'Zoé',
    bRoll: 'Rue à Paris',
  });
}, 360_000);
afterAll(async () => stop?.());

async function download(page: Page, card: string, label: string): Promise<string> {
  const [saved] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator(`[data-testid="${card}"]`).getByRole('link', { name: label }).click(),
  ]);
  const name = saved.suggestedFilename();
  expect(await saved.failure()).toBeNull();
  return name;
}

describe('downloads and export in the app', () => {
  it('downloads each card under its readable name and exports the project', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript((t) => localStorage.setItem('better-ads:token', t), user.token);
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/projects/${encodeURIComponent(media.projectId)}`);
      await page.getByRole('heading', { name: 'Lancement Été' }).waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="broll-card"][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
      await screenshot(page, 'downloads-studio');

      const imageName = await download(page, 'image-card', 'Download image Un café "noir"/serré');
      expect(imageName).toMatch(/^Un cafe -noir-serre\.(png|jpg|webp)$/);
      expect(await download(page, 'avatar-card', 'Download avatar Zoé')).toBe('Zoe.mp4');
      expect(await download(page, 'broll-card', 'Download b-roll Rue à Paris')).toBe('Rue a Paris.mp4');

      const panel = page.locator('[data-testid="export-panel"]');
      await panel.getByRole('button', { name: 'Export project' }).click();
      const link = panel.locator('[data-testid="export-link"]');
      await link.waitFor({ timeout: 120_000 });
      await screenshot(page, 'downloads-export-ready');
      expect(await link.textContent()).toMatch(/Download ZIP \(4 files, /);
      const [zip] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), link.click()]);
      expect(zip.suggestedFilename()).toBe('Lancement Ete.zip');
      expect(await zip.failure()).toBeNull();
    } finally {
      await context.close();
    }
  });
});
