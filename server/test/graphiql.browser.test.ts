// The built GraphiQL page in a real headless Chromium (Debian's /usr/bin/chromium) against the real server:
// it loads nothing from a CDN, runs an authenticated query with the Headers editor's Bearer token, and runs a
// subscription whose WebSocket gets that token as connectionParams. Screenshots: test-artifacts/graphiql-*.png.
// The client is built into a private directory (served through CLIENT_DIST), see buildClient.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocket as PwWebSocket } from 'playwright-core';
import type { TestApp } from './helpers.ts';
import {
  startBrowserApp,
  monacoText,
  resultJson,
  screenshot,
  setMonaco,
  until,
  waitForOperationState,
} from './browser.ts';

const QUERY_EDITOR = '.graphiql-query-editor';
const HEADERS_EDITOR = 'section.graphiql-editor-tool .graphiql-editor:not(.hidden)';
const EXECUTE = '.graphiql-execute-button';

let app: TestApp | undefined;
let browser: Browser | undefined;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ app, browser, stop: stopAll } = await startBrowserApp());
});
afterAll(async () => {
  await stopAll?.();
});

describe('GraphiQL in a browser', () => {
  it('runs a query and a subscription with the Bearer header, all from our own origin', async () => {
    const { url, gql, signUp } = app!;
    const origin = new URL(url).origin;
    const user = await signUp('Browser User');
    const created = await gql(
      `mutation { createProject(input: {name: "Before"}) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    );
    const projectId: string = created.data.createProject.data.id;

    const context = await browser!.newContext({ viewport: { width: 1600, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(10_000);

    const requests: string[] = [];
    const consoleErrors: string[] = [];
    const sockets: PwWebSocket[] = [];
    const sent: any[] = [];
    const received: any[] = [];
    context.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('websocket', (ws) => {
      sockets.push(ws);
      const parse = (payload: string | Buffer) => {
        try {
          return JSON.parse(String(payload));
        } catch {
          return { unparsed: String(payload) };
        }
      };
      ws.on('framesent', (f) => sent.push(parse(f.payload)));
      ws.on('framereceived', (f) => received.push(parse(f.payload)));
    });

    try {
      // 1. The page, its workers and the introspection query, all same-origin.
      const introspection = page.waitForResponse(
        (r) => r.url() === `${origin}/graphql` && r.request().method() === 'POST',
      );
      await page.goto(`${url}/graphiql`);
      expect((await introspection).status()).toBe(200);
      await page.locator(`${QUERY_EDITOR} .monaco-editor .view-lines`).waitFor();
      await page.locator(`${HEADERS_EDITOR} .monaco-editor .view-lines`).waitFor();
      await expect.poll(() => monacoText(page, QUERY_EDITOR)).not.toBe(''); // the default operation
      // Highlighted tokens (anything but Monaco's default "mtk1") mean the GraphQL language mode is up.
      await page.locator(`${QUERY_EDITOR} .view-lines span[class*="mtk"]:not(.mtk1)`).first().waitFor();
      await screenshot(page, 'graphiql-1-loaded');

      // 2. An authenticated query over HTTP.
      await setMonaco(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${user.token}` }, null, 2));
      const me = '{ me { email } }';
      await setMonaco(page, QUERY_EDITOR, me);
      await waitForOperationState(page, me);
      await page.locator(EXECUTE).click();
      await expect
        .poll(() => resultJson(page), { timeout: 10_000 })
        .toMatchObject({ data: { me: { email: user.email } } });
      expect((await resultJson(page)).errors).toBeUndefined();
      await screenshot(page, 'graphiql-2-me');

      // 3. A subscription over graphql-ws: the header travels as connectionParams, events reach the pane.
      const subscription =
        `subscription {\n  projectUpdated(projectId: "${projectId}") {\n` + `    kind\n    project { name }\n  }\n}`;
      await setMonaco(page, QUERY_EDITOR, subscription);
      await waitForOperationState(page, subscription);
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect.poll(() => sent.find((m) => m.type === 'subscribe'), { timeout: 10_000 }).toBeTruthy();
      expect(sockets.map((s) => new URL(s.url()).origin)).toEqual([origin.replace(/^http/, 'ws')]);
      expect(sent.find((m) => m.type === 'connection_init')?.payload).toEqual({
        authorization: `Bearer ${user.token}`,
      });
      expect(received.some((m) => m.type === 'connection_ack')).toBe(true);

      // The server registers the subscription asynchronously after the subscribe frame, so an event
      // fired right away could be missed: rename again (a fresh name each time) until one arrives.
      const suffix = randomBytes(3).toString('hex');
      let name = '';
      for (let attempt = 1; ; attempt++) {
        name = `Renamed-${suffix}-${attempt}`;
        const r = await gql(
          `mutation($input: RenameProjectInput!) { renameProject(input: $input) {
            ... on MutationRenameProjectSuccess { data { name } } } }`,
          { input: { id: projectId, name } },
          user.token,
        );
        expect(r.data.renameProject.data.name).toBe(name);
        const shown = () => resultJson(page).then((j) => j?.data?.projectUpdated?.project?.name === name);
        if (await until(shown, 1_000)) break;
        if (attempt === 8)
          throw new Error(
            `no event after 8 renames; pane: ${await monacoText(page, '.result-window')}; ` +
              `frames: ${JSON.stringify(received)}`,
          );
      }
      expect(await resultJson(page)).toEqual({ data: { projectUpdated: { kind: 'PROJECT', project: { name } } } });
      const next = received.filter((m) => m.type === 'next').map((m) => m.payload.data.projectUpdated.project.name);
      expect(next).toContain(name);
      await screenshot(page, 'graphiql-3-subscription');

      // Nothing came from anywhere but this server, and the page logged no errors.
      const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
      expect(foreign).toEqual([]);
      expect(requests).toContain(`${origin}/graphiql`);
      expect(requests.filter((u) => /\.worker\b.*\.js$/.test(u)).length).toBeGreaterThan(0); // Monaco workers, bundled
      expect(consoleErrors).toEqual([]);
    } catch (err) {
      await screenshot(page, 'graphiql-failure').catch(() => {});
      if (consoleErrors.length) console.error('browser console errors:', consoleErrors);
      throw err;
    } finally {
      await context.close();
    }
  });
});
