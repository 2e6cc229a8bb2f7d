// The server and Chromium the app's browser tests share: the client built into a temporary directory, served
// by a test app with the seeded catalog plus EXTRA media-less public avatars. Importing this module starts them
// before the file's tests; the card and video helpers read the studio's DOM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from './helpers.ts';
import { buildClient, launchChromium } from './browser.ts';
import { seed } from '../src/db/seed.ts';

// Browser globals, used inside page.evaluate / waitForFunction callbacks (the server's tsconfig has no DOM lib).
declare const document: any;

export let app: TestApp | undefined;
export let browser: Browser | undefined;
let dist: string | undefined;
export const EXTRA = 20; // media-less public avatars on top of the 24 seeded ones: two catalog pages

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'better-ads-client-'));
  buildClient(dist);
  app = await startTestApp({ CLIENT_DIST: dist });
  await seed(app.prisma, app.storage);
  const tags = await app.prisma.tag.findMany({ where: { slug: { in: ['femme', 'jeune', 'tech'] } } });
  const base = Date.now() - 48 * 3600_000;
  for (let i = 0; i < EXTRA; i++) {
    await app.prisma.avatar.create({
      data: {
        name: `Zoé ${String(i).padStart(2, '0')}`,
        visibility: 'PUBLIC',
        status: 'SUCCEEDED',
        createdAt: new Date(base + i * 1000),
        tags: { create: tags.map((t) => ({ tagId: t.id })) },
      },
    });
  }
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

export const card = (page: Page, kind: 'image' | 'avatar' | 'broll', status?: string) =>
  page.locator(`[data-testid="${kind}-card"]${status ? `[data-status="${status}"]` : ''}`);

export async function count(page: Page, selector: string): Promise<number> {
  return page.locator(selector).count();
}

/** A <video> under `root` that has a source and has loaded at least its metadata. */
export async function waitForPlayableVideo(
  page: Page,
  root: string,
): Promise<{ src: string; readyState: number; muted: boolean; loop: boolean; playsInline: boolean }> {
  const handle = await page.waitForFunction(
    (sel) => {
      const v = document.querySelector(`${sel} video`);
      return v?.currentSrc && v.readyState > 0
        ? { src: v.currentSrc, readyState: v.readyState, muted: v.muted, loop: v.loop, playsInline: v.playsInline }
        : null;
    },
    root,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue())!;
}
