// `npm run dev` as a developer runs it: the Vite dev server (hot reload, sources unbundled) in front of a
// running API, which it proxies for /graphql over HTTP and WebSocket. Checked in headless Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from './helpers.ts';
import { createPublicAvatars, createTaxonomy } from './fixtures.ts';
import { launchChromium, ROOT, screenshot } from './browser.ts';

// Browser globals, used inside page.evaluate callbacks (the server's tsconfig has no DOM lib).
declare const document: any;
declare const localStorage: any;
declare const location: any;

let app: TestApp | undefined;
let browser: Browser | undefined;
let vite: ChildProcess | undefined;
let devUrl = '';
let output = '';

beforeAll(async () => {
  app = await startTestApp();
  await createPublicAvatars(app, await createTaxonomy(app), 5, { namePrefix: 'Dev' });
  // Its own process group, so that stopping it stops npm and vite under it.
  const { FORCE_COLOR: _color, ...env } = process.env;
  vite = spawn('npm', ['run', 'dev'], { cwd: ROOT, env: { ...env, API_URL: app.url, NO_COLOR: '1' }, detached: true });
  vite.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  vite.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const end = Date.now() + 60_000;
  while (!devUrl && Date.now() < end) {
    // eslint-disable-next-line no-control-regex
    devUrl = /Local:\s+(http:\/\/\S+?)\/?\s/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? '';
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!devUrl) throw new Error(`npm run dev printed no URL within 60 s:\n${output}`);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (vite?.pid) {
    try {
      process.kill(-vite.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  await app?.stop();
});

describe('npm run dev', () => {
  it('serves the app from sources and proxies GraphQL over HTTP and WebSocket to the API', async () => {
    const user = await app!.signUp('Dev');
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('better-ads:token', t), user.token);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000); // the first load makes vite prepare the dependencies
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await page.goto(`${devUrl}/catalog`);
      await page.getByTestId('catalog-card').first().waitFor();
      expect(await page.getByTestId('catalog-card').count()).toBe(5);
      expect(await page.getByTestId('total-count').textContent()).toBe('5');
      // Served by vite from the sources, not the built bundle.
      expect(await page.evaluate(() => [...document.scripts].some((s) => s.src.includes('/src/')))).toBe(true);
      // graphql-ws through the proxy: the API acknowledges the connection.
      const ack = await page.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
            ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
            ws.onmessage = (m) => {
              resolve(JSON.parse(String(m.data)).type);
              ws.close();
            };
            ws.onerror = () => reject(new Error('WebSocket error'));
          }),
      );
      expect(ack).toBe('connection_ack');
      expect(errors).toEqual([]);
      await screenshot(page, 'dev-catalog');
    } catch (e) {
      await screenshot(page, 'dev-failure').catch(() => {});
      console.error('npm run dev output:\n', output, '\npage errors:', errors);
      throw e;
    } finally {
      await context.close();
    }
  }, 180_000);
});
