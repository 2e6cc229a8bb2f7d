// The React app, built and served by the real server (fal emulator, embedded S3, a fresh database),
// driven in headless Chromium (Debian's /usr/bin/chromium) like a person would: sign up, projects,
// studio (generate, upload, edit, reference), an avatar going from "in progress" to a playing video
// through the subscription, a FAILED one with its reason and a retry, b-rolls, the catalog's facets,
// search and infinite scroll, "use in project", phone width, sign out. Screenshots: test-artifacts/app-*.png.
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { app, browser, card, waitForPlayableVideo } from './app-browser-setup.ts';
import { bRollsAndUploads, createAvatars, generateImages, signUpAndCreateProject } from './app-journey-studio.ts';
import { browseCatalog, phoneProjectsSignOut, useInProject } from './app-journey-catalog.ts';
import { screenshot } from './browser.ts';

// Browser globals, used inside page.evaluate / waitForFunction callbacks (the server's tsconfig has no DOM lib).
declare const localStorage: any;

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
      const journey = { page, step, url, emulator, prisma, wsFrames };
      const projectPath = await signUpAndCreateProject(journey);
      await generateImages(journey);
      await createAvatars(journey);
      await bRollsAndUploads(journey);
      await browseCatalog(journey);
      await useInProject(journey, projectPath);
      await phoneProjectsSignOut(journey, projectPath);

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
