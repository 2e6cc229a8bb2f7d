// The React app, built and served by the real server (fal emulator, embedded S3, a fresh database),
// driven in headless Chromium (Debian's /usr/bin/chromium) like a person would: sign up, projects,
// studio (generate, upload, edit, reference), an avatar going from "in progress" to a playing video
// through the subscription, a FAILED one with its reason and a retry, b-rolls, the catalog's facets,
// search and infinite scroll, "use in project", phone width, sign out. Screenshots: test-artifacts/app-*.png.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from './helpers.ts';
import { buildClient, launchChromium, screenshot } from './browser.ts';
import { seed } from '../src/db/seed.ts';
import { renderPortraitPng } from '../src/media/render.ts';

// Browser globals, used inside page.evaluate / waitForFunction callbacks (the server's tsconfig has no DOM lib).
declare const document: any;
declare const localStorage: any;

let app: TestApp | undefined;
let browser: Browser | undefined;
let dist: string | undefined;
const EXTRA = 20; // media-less public avatars on top of the 24 seeded ones: two catalog pages

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

const card = (page: Page, kind: 'image' | 'avatar' | 'broll', status?: string) =>
  page.locator(`[data-testid="${kind}-card"]${status ? `[data-status="${status}"]` : ''}`);

async function count(page: Page, selector: string): Promise<number> {
  return page.locator(selector).count();
}

/** A <video> under `root` that has a source and has loaded at least its metadata. */
async function waitForPlayableVideo(
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

describe('the app in a browser', () => {
  it('signs up, makes images, an avatar and a b-roll live, browses the catalog and signs out', async () => {
    const { url, emulator, prisma } = app!;
    const context: BrowserContext = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const consoleErrors: string[] = [];
    const serverErrors: string[] = [];
    const wsFrames: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
    });
    page.on('websocket', (ws) => ws.on('framereceived', (f) => wsFrames.push(String(f.payload))));
    const step = (name: string) => screenshot(page, `app-${name}`);

    try {
      // 1. Sign up, with a typed error shown beside its field first.
      await page.goto(url);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await step('01-signin');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Name').fill('Ada');
      await page.getByLabel('Email').fill('ada@example.com');
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Sign up' }).click();
      const passwordError = page.locator('.field.has-error:has(input[name="password"]) .field-error');
      await passwordError.waitFor();
      expect(await passwordError.textContent()).toMatch(/\w/);
      expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
      await step('02-signup-field-error');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Projects' }).waitFor();
      expect(await page.evaluate(() => localStorage.getItem('better-ads:token'))).toMatch(/^bas_/);

      // 2. Projects: an empty name is refused beside the field; create, rename.
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.locator('.field.has-error:has(input[name="project-name"]) .field-error').waitFor();
      await page.getByLabel('New project').fill('Campagne printemps');
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('heading', { name: 'Campagne printemps', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/projects\//);
      const projectPath = new URL(page.url()).pathname;
      await step('03-studio-empty');

      // 3. Generate an image: it shows at once as in progress, then finishes live.
      emulator.configure({ latencyMs: 1500, failure: 'tagged' });
      await page.getByLabel('Prompt').fill('Portrait of Claire, a smiling nurse');
      await page.getByRole('button', { name: 'Generate image' }).click();
      await card(page, 'image', 'PENDING').waitFor();
      await step('04-image-pending');
      await card(page, 'image', 'SUCCEEDED').locator('img').waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="image-card"][data-status="SUCCEEDED"] img')?.naturalWidth > 0,
      );
      await step('05-image-ready');

      // A FAILED generation shows its reason.
      await page.getByLabel('Prompt').fill('[fail] a broken prompt');
      await page.getByRole('button', { name: 'Generate image' }).click();
      const failedImage = card(page, 'image', 'FAILED');
      await failedImage.waitFor({ timeout: 60_000 });
      expect((await failedImage.locator('.failure').textContent())!.trim().length).toBeGreaterThan(3);
      await step('06-image-failed');

      // A second image (a studio image is used up by the avatar made from it).
      await page.getByLabel('Prompt').fill('Portrait of Marc, a pharmacist');
      await page.getByRole('button', { name: 'Generate image' }).click();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="image-card"][data-status="SUCCEEDED"] img').length === 2,
        null,
        {
          timeout: 60_000,
        },
      );

      // 4. Pick a good image as reference; create an avatar: "in progress" at once, then a playing video.
      await card(page, 'image', 'SUCCEEDED').first().getByRole('button', { name: 'Use as reference' }).click();
      expect(
        await card(page, 'image', 'SUCCEEDED')
          .first()
          .getByRole('button', { name: /Reference/ })
          .getAttribute('aria-pressed'),
      ).toBe('true');
      await page.getByLabel('Avatar name').fill('Claire');
      await page.getByRole('button', { name: 'Create avatar' }).click();
      await card(page, 'avatar', 'PENDING').waitFor({ timeout: 5_000 });
      expect(await card(page, 'avatar', 'PENDING').textContent()).toContain('In progress');
      await step('07-avatar-in-progress');
      const framesBefore = wsFrames.length;
      const video = await waitForPlayableVideo(page, '[data-testid="avatar-card"][data-status="SUCCEEDED"]');
      expect(video.src).toMatch(/^http/);
      expect(video.readyState).toBeGreaterThan(0);
      expect(video).toMatchObject({ muted: true, loop: true, playsInline: true });
      // It came through the subscription (a projectUpdated event), not a reload or polling.
      expect(wsFrames.slice(framesBefore).some((f) => f.includes('"projectUpdated"') && f.includes('SUCCEEDED'))).toBe(
        true,
      );
      expect(await count(page, '[data-testid="avatar-card"]')).toBe(1);
      await step('08-avatar-playing');

      // 5. A FAILED avatar shows the reason and a Retry button that brings it to a video.
      emulator.configure({ failure: 'all' });
      await card(page, 'image', 'SUCCEEDED').first().getByRole('button', { name: 'Use as reference' }).click();
      await page.getByLabel('Avatar name').fill('Broken');
      await page.getByRole('button', { name: 'Create avatar' }).click();
      const failedAvatar = page.locator('[data-testid="avatar-card"][data-status="FAILED"]');
      await failedAvatar.waitFor({ timeout: 60_000 });
      const reason = (await failedAvatar.getByTestId('failure-reason').textContent())!.trim();
      expect(reason.length).toBeGreaterThan(3);
      await step('09-avatar-failed');
      const brokenId = await failedAvatar.getAttribute('data-id');
      emulator.configure({ failure: 'tagged' });
      await failedAvatar.getByRole('button', { name: 'Retry' }).click();
      await page.locator(`[data-testid="avatar-card"][data-id="${brokenId}"][data-status="PENDING"]`).waitFor();
      await waitForPlayableVideo(page, `[data-testid="avatar-card"][data-id="${brokenId}"][data-status="SUCCEEDED"]`);
      expect(await count(page, '[data-testid="avatar-card"][data-status="SUCCEEDED"]')).toBe(2);
      await step('10-avatar-retried');

      // 6. B-roll from a prompt: thumbnail, then play.
      await page.getByLabel('B-roll name').fill('Pharmacie');
      await page.getByLabel('What happens in the clip').fill('Slow pan over a sunny pharmacy counter');
      await page.getByRole('button', { name: 'Create b-roll' }).click();
      await card(page, 'broll', 'PENDING').waitFor();
      const bRoll = card(page, 'broll', 'SUCCEEDED');
      await bRoll.locator('img').waitFor({ timeout: 60_000 });
      await step('11-broll-thumbnail');
      await bRoll.getByRole('button', { name: 'Play Pharmacie' }).click();
      await waitForPlayableVideo(page, '[data-testid="broll-card"]');
      await step('12-broll-playing');

      // 7. Upload with progress → a ready image, picked as the reference; then edit it with a prompt.
      const png = await renderPortraitPng({ title: 'Upload', subtitle: 'test', hue: 200 });
      const imagesBefore = await count(page, '[data-testid="image-card"]');
      await page.getByLabel('Image file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="image-card"]').length === n + 1,
        imagesBefore,
      );
      const uploaded = page.locator('[data-testid="image-card"].selected');
      await uploaded.locator('img').waitFor();
      expect(await uploaded.getAttribute('data-status')).toBe('SUCCEEDED');
      expect(await uploaded.textContent()).toContain('Uploaded');
      await uploaded.getByRole('button', { name: 'Edit' }).click();
      await uploaded.getByLabel('Edit with a prompt').fill('Same portrait, warmer light');
      await uploaded.getByRole('button', { name: 'Edit image' }).click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="image-card"]').length === n + 2,
        imagesBefore,
      );
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="image-card"]')].every(
            (c) => c.getAttribute('data-status') !== 'PENDING',
          ),
        null,
        { timeout: 60_000 },
      );
      await step('13-upload-and-edit');
      // A b-roll that animates the selected reference image (Seedance image-to-video).
      await page.getByLabel('B-roll name').fill('Comptoir animé');
      await page.getByLabel('What happens in the clip').fill('The portrait turns towards the camera');
      await page.getByLabel('Animate the selected reference image').check();
      await page.getByRole('button', { name: 'Create b-roll' }).click();
      const animated = page.locator('[data-testid="broll-card"]', { hasText: 'Comptoir animé' });
      await animated.locator('img').waitFor({ timeout: 60_000 });
      expect(await animated.getAttribute('data-status')).toBe('SUCCEEDED');
      const fromImage = await prisma.bRoll.findFirstOrThrow({ where: { name: 'Comptoir animé' } });
      expect(fromImage).toMatchObject({
        source: 'IMAGE_TO_VIDEO',
        falModel: 'fal-ai/bytedance/seedance/v1/pro/image-to-video',
      });
      expect(fromImage.imageStoragePath).toBeTruthy();
      await step('13b-broll-from-image');
      // A file that is not an image is refused beside the file field, before any upload.
      await page
        .getByLabel('Image file')
        .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
      await page.locator('.field.has-error:has(input[type="file"]) .field-error').waitFor();

      // 8. The session survives a reload, and so does the studio.
      await page.reload();
      await page.getByRole('heading', { name: 'Campagne printemps', level: 1 }).waitFor();
      expect(await count(page, '[data-testid="avatar-card"][data-status="SUCCEEDED"]')).toBe(2);

      // 9. The catalog: facets with counts, OR within a category, AND across, search, infinite scroll.
      await page.getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('heading', { name: 'Public catalog' }).waitFor();
      await page.getByTestId('catalog-card').first().waitFor();
      const total = () => page.getByTestId('total-count').textContent().then(Number);
      const facet = (slug: string) => page.getByTestId(`facet-count-${slug}`).textContent().then(Number);
      const waitTotal = (n: number) =>
        page.waitForFunction(
          (x) => document.querySelector('[data-testid="total-count"]')?.textContent === String(x),
          n,
        );
      expect(await total()).toBe(24 + EXTRA);
      expect(await count(page, '[data-testid="catalog-card"]')).toBe(24);
      await step('14-catalog');

      const femme = await facet('femme');
      const homme = await facet('homme');
      expect(femme + homme).toBe(24 + EXTRA);
      await page.getByRole('checkbox', { name: /^Femme/ }).check();
      await waitTotal(femme);
      expect(await facet('homme')).toBe(homme); // its own category's selection does not narrow its counts
      const jeuneAmongFemmes = await facet('jeune');
      await page.getByRole('checkbox', { name: /^Homme/ }).check(); // OR within sexe
      await waitTotal(femme + homme);
      await page.getByRole('checkbox', { name: /^Homme/ }).uncheck();
      await waitTotal(femme);
      await page.getByRole('checkbox', { name: /^Jeune/ }).check(); // AND across categories
      await waitTotal(jeuneAmongFemmes);
      expect(jeuneAmongFemmes).toBeLessThan(femme);
      expect(await page.locator('.result-summary').textContent()).toContain('Femme and Jeune');
      await step('15-catalog-filtered');
      await page.getByRole('checkbox', { name: /^Jeune/ }).uncheck();
      await page.getByRole('checkbox', { name: /^Femme/ }).uncheck();
      await waitTotal(24 + EXTRA);

      // Search (debounced) narrows by name.
      await page.getByLabel('Search by name').fill('zoé 1');
      await waitTotal(10);
      await page.getByLabel('Search by name').fill('');
      await waitTotal(24 + EXTRA);

      // Infinite scroll: reaching the end loads the next page.
      await page.getByTestId('catalog-card').nth(23).scrollIntoViewIfNeeded();
      await page.locator('.sentinel').scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="catalog-card"]').length === n,
        24 + EXTRA,
      );
      await step('16-catalog-scrolled');

      // 10. Use in project: the avatar's image lands in the project's studio as the chosen reference.
      const first = page.getByTestId('catalog-card').first();
      const avatarName = (await first.locator('.name').textContent())!;
      await first.getByRole('button', { name: 'Use in project' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await step('17-use-in-project');
      await dialog.getByRole('button', { name: /^Make my own version/ }).click();
      await page.getByRole('heading', { name: 'Campagne printemps', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(projectPath);
      expect(await page.getByLabel('Avatar name').inputValue()).toBe(avatarName);
      const imported = page.locator('[data-testid="image-card"].selected[data-status="SUCCEEDED"]');
      await imported.locator('img').waitFor();
      await step('18-imported-reference');

      // 11. Phone width: nothing wider than the screen, filters above results.
      await page.setViewportSize({ width: 375, height: 800 });
      await page.getByRole('link', { name: 'Catalog' }).click();
      await page.getByTestId('catalog-card').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await step('19-phone-catalog');
      await page.goto(`${url}${projectPath}`);
      await card(page, 'avatar', 'SUCCEEDED').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await step('20-phone-studio');

      // 12. Projects: rename one, delete another (after confirming).
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('link', { name: 'Projects' }).first().click();
      await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Rename Campagne printemps' }).click();
      await page.getByLabel('Project name').fill('Campagne été');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('link', { name: 'Campagne été' }).waitFor();
      await page.getByLabel('New project').fill('À supprimer');
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('heading', { name: 'À supprimer', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Projects' }).first().click();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Delete À supprimer' }).click();
      await page.getByRole('link', { name: 'À supprimer' }).waitFor({ state: 'detached' });
      expect(await page.locator('.project-row').count()).toBe(1);
      expect(await page.locator('.project-row').textContent()).toContain('2 avatars');
      await step('21-projects');

      // 13. Sign out: back to the sign-in screen, token gone, a reload stays signed out.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => localStorage.getItem('better-ads:token'))).toBeNull();
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await step('22-signed-out');

      expect(serverErrors).toEqual([]);
      expect(consoleErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    } catch (err) {
      await step('failure').catch(() => {});
      if (consoleErrors.length) console.error('browser console errors:', consoleErrors);
      throw err;
    } finally {
      await context.close();
    }
  }, 300_000);

  it('pages a studio list: the newest 24 first, then "More avatars"', async () => {
    const { url, gql, signUp, prisma } = app!;
    const user = await signUp('Many');
    const created = await gql(
      `mutation { createProject(input: { name: "Many" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    );
    const projectId: string = created.data.createProject.data.id;
    const localProjectId = Buffer.from(projectId, 'base64').toString().split(':')[1]!;
    const base = Date.now() - 3600_000;
    await prisma.avatar.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        name: `Take ${String(i).padStart(2, '0')}`,
        visibility: 'PRIVATE' as const,
        status: 'FAILED' as const,
        failureReason: 'Made for the paging test.',
        userId: user.userId,
        projectId: localProjectId,
        createdAt: new Date(base + i * 1000),
      })),
    });
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('better-ads:token', t), user.token);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await page.goto(`${url}/projects/${encodeURIComponent(projectId)}`);
      await page.getByRole('heading', { name: 'Avatars (30)' }).waitFor();
      await expect.poll(() => card(page, 'avatar').count()).toBe(24);
      expect(await card(page, 'avatar').first().textContent()).toContain('Take 29'); // newest first
      // The last avatar of the page is deleted first: the next page still starts right after it.
      page.on('dialog', (d) => void d.accept());
      await card(page, 'avatar').last().getByRole('button', { name: 'Delete' }).click();
      await expect.poll(() => card(page, 'avatar').count()).toBe(23);
      await page.getByRole('button', { name: 'More avatars' }).click();
      await expect.poll(() => card(page, 'avatar').count()).toBe(29);
      expect(await card(page, 'avatar').last().textContent()).toContain('Take 00');
      expect(await page.getByRole('button', { name: 'More avatars' }).count()).toBe(0);
      expect(
        new Set(await card(page, 'avatar').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).size,
      ).toBe(29);
      await screenshot(page, 'app-25-studio-more-avatars');
    } finally {
      await context.close();
    }
  });

  it('re-queries pending items after the WebSocket reconnects, when their event was missed', async () => {
    const { url, emulator, gql, signUp, prisma } = app!;
    // The image is still being generated when the page opens, so the catch-up query that follows the
    // first connection is observable (it asks about that image).
    emulator.configure({ latencyMs: 8000, failure: 'tagged' });
    const user = await signUp('Reconnect');
    const created = await gql(
      `mutation { createProject(input: { name: "Reconnect" }) {
        ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    );
    const projectId: string = created.data.createProject.data.id;
    const generated = await gql(
      `mutation($input: GenerateImageInput!) { generateImage(input: $input) {
        ... on MutationGenerateImageSuccess { data { id } } } }`,
      { input: { projectId, prompt: 'Portrait for a reconnect' } },
      user.token,
    );
    const imageId: string = generated.data.generateImage.data.id;
    expect(imageId).toBeTruthy();

    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('better-ads:token', t), user.token);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    // Every WebSocket of the page goes through this proxy, which can stop passing the server's messages
    // on (the events are lost, as when a connection silently dies) and close the page's side.
    const sockets: { closePage: () => Promise<void>; deaf: boolean; subscribed: boolean }[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      const entry = {
        deaf: false,
        subscribed: false,
        closePage: () => ws.close({ code: 1012, reason: 'test: service restart' }),
      };
      sockets.push(entry);
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        if (String(m).includes('"subscribe"')) entry.subscribed = true;
        server.send(m);
      });
      server.onMessage((m) => {
        if (!entry.deaf) ws.send(m);
      });
    });
    const pendingQueries: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST' && (r.postData() ?? '').includes('PendingNodes'))
        pendingQueries.push(r.postData()!);
    });

    try {
      await page.goto(`${url}/projects/${encodeURIComponent(projectId)}`);
      await card(page, 'image', 'PENDING').waitFor();
      // the first catch-up
      await expect.poll(() => pendingQueries.some((q) => q.includes(imageId)), { timeout: 10_000 }).toBe(true);
      await card(page, 'image', 'SUCCEEDED').locator('img').waitFor({ timeout: 60_000 }); // then the event
      emulator.configure({ latencyMs: 1500 });
      await expect.poll(() => sockets.some((s) => s.subscribed), { timeout: 10_000 }).toBe(true);

      // The connection goes deaf: the avatar's SUCCEEDED event never reaches the page.
      for (const s of sockets) s.deaf = true;
      await card(page, 'image', 'SUCCEEDED').getByRole('button', { name: 'Use as reference' }).click();
      await page.getByLabel('Avatar name').fill('Missed event');
      await page.getByRole('button', { name: 'Create avatar' }).click();
      await card(page, 'avatar', 'PENDING').waitFor();
      await expect
        .poll(async () => (await prisma.avatar.findFirst({ where: { name: 'Missed event' } }))?.status, {
          timeout: 60_000,
          interval: 250,
        })
        .toBe('SUCCEEDED');
      expect(await card(page, 'avatar').getAttribute('data-status')).toBe('PENDING'); // the event was lost
      const avatarId = (await card(page, 'avatar').getAttribute('data-id'))!;
      expect(pendingQueries.filter((q) => q.includes(avatarId))).toEqual([]);
      await screenshot(page, 'app-23-event-missed');

      // The socket drops; graphql-ws reconnects; the app re-queries what is pending and shows the video.
      const before = sockets.length;
      await Promise.all(sockets.map((s) => s.closePage()));
      await expect.poll(() => sockets.length, { timeout: 30_000 }).toBeGreaterThan(before);
      await waitForPlayableVideo(page, '[data-testid="avatar-card"][data-status="SUCCEEDED"]');
      expect(pendingQueries.filter((q) => q.includes(avatarId)).length).toBeGreaterThan(0); // re-queried over HTTP
      await screenshot(page, 'app-24-after-reconnect');
    } catch (err) {
      await screenshot(page, 'app-reconnect-failure').catch(() => {});
      console.error(
        'sockets',
        sockets.length,
        sockets.map((s) => [s.subscribed, s.deaf]),
        'pending queries',
        pendingQueries.length,
      );
      throw err;
    } finally {
      await context.close();
    }
  }, 180_000);
});
