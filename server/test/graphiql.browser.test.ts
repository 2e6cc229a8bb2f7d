// The built GraphiQL page (client/dist) in a real headless Chromium against the real server: it loads
// nothing from a CDN, runs an authenticated query with the Headers editor's Bearer token, and runs a
// subscription whose WebSocket gets that token as connectionParams. Screenshots: test-artifacts/graphiql-*.png.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocket as PwWebSocket } from 'playwright-core';
import { startTestApp, type TestApp } from './helpers.ts';
import { ensureClientBuild, launchChromium, monacoText, resultJson, screenshot, setMonaco, until } from './browser.ts';

const QUERY_EDITOR = '.graphiql-query-editor';
const HEADERS_EDITOR = 'section.graphiql-editor-tool .graphiql-editor:not(.hidden)';
const EXECUTE = '.graphiql-execute-button';

let app: TestApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  ensureClientBuild();
  app = await startTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('GraphiQL in a browser', () => {
  it('runs a query and a subscription with the Bearer header, all from our own origin', async () => {
    const { url, gql, signUp } = app!;
    const origin = new URL(url).origin;
    const user = await signUp('Browser User');
    const created = await gql(`mutation { createProject(input: {name: "Before"}) { ... on MutationCreateProjectSuccess { data { id } } } }`, {}, user.token);
    const projectId: string = created.data.createProject.data.id;

    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
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
      ws.on('framesent', (f) => sent.push(JSON.parse(String(f.payload))));
      ws.on('framereceived', (f) => received.push(JSON.parse(String(f.payload))));
    });

    try {
      // 1. The page, its workers and the introspection query, all same-origin.
      const introspection = page.waitForResponse((r) => r.url() === `${origin}/graphql` && r.request().method() === 'POST');
      await page.goto(`${url}/graphiql`);
      expect((await introspection).status()).toBe(200);
      await page.locator(`${QUERY_EDITOR} .monaco-editor .view-lines`).waitFor();
      await page.locator(`${HEADERS_EDITOR} .monaco-editor .view-lines`).waitFor();
      await expect.poll(() => monacoText(page, QUERY_EDITOR)).toContain('query Catalog');
      await screenshot(page, 'graphiql-1-loaded');

      // 2. An authenticated query over HTTP.
      await setMonaco(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${user.token}` }));
      await setMonaco(page, QUERY_EDITOR, '{ me { email } }');
      await page.locator(EXECUTE).click();
      await expect.poll(() => resultJson(page), { timeout: 10_000 }).toEqual({ data: { me: { email: user.email } } });
      await screenshot(page, 'graphiql-2-me');

      // 3. A subscription over graphql-ws: the header travels as connectionParams, events reach the pane.
      await setMonaco(page, QUERY_EDITOR, `subscription { projectUpdated(projectId: "${projectId}") { kind project { name } } }`);
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect.poll(() => sent.find((m) => m.type === 'subscribe'), { timeout: 10_000 }).toBeTruthy();
      expect(sockets.map((s) => new URL(s.url()).origin)).toEqual([origin.replace(/^http/, 'ws')]);
      expect(sent.find((m) => m.type === 'connection_init')?.payload).toEqual({ authorization: `Bearer ${user.token}` });
      expect(received.some((m) => m.type === 'connection_ack')).toBe(true);

      // The server registers the subscription asynchronously after the subscribe frame, so an event
      // fired right away could be missed: rename again (a fresh name each time) until one arrives.
      const suffix = randomBytes(3).toString('hex');
      let name = '';
      for (let attempt = 1; ; attempt++) {
        name = `Renamed-${suffix}-${attempt}`;
        const r = await gql(`mutation($input: RenameProjectInput!) { renameProject(input: $input) { ... on MutationRenameProjectSuccess { data { name } } } }`, { input: { id: projectId, name } }, user.token);
        expect(r.data.renameProject.data.name).toBe(name);
        const shown = () => resultJson(page).then((j) => j?.data?.projectUpdated?.project?.name === name);
        if (await until(shown, 1_000)) break;
        if (attempt === 8) throw new Error(`no event after 8 renames; pane: ${await monacoText(page, '.result-window')}; frames: ${JSON.stringify(received)}`);
      }
      expect(await resultJson(page)).toEqual({ data: { projectUpdated: { kind: 'PROJECT', project: { name } } } });
      const next = received.filter((m) => m.type === 'next').map((m) => m.payload.data.projectUpdated.project.name);
      expect(next).toContain(name);
      await screenshot(page, 'graphiql-3-subscription');

      // Nothing came from anywhere but this server, and the page logged no errors.
      const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
      expect(foreign).toEqual([]);
      expect(requests).toContain(`${origin}/graphiql`);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
