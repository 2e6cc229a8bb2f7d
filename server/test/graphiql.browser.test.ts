// The built GraphiQL page in a real headless Chromium (Debian's /usr/bin/chromium) against the real server:
// it loads nothing from a CDN, runs an authenticated query with the Headers editor's Bearer token, and runs a
// subscription whose WebSocket gets that token as connectionParams; opened from the signed-in app, its Headers hold
// the session's token and its tabs the example operations. Screenshots: test-artifacts/graphiql-*.png.
// The client is built into a private directory (served through CLIENT_DIST), see buildClient.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocket as PwWebSocket } from 'playwright-core';
import type { TestApp } from './helpers.ts';
import { examples } from '../../client/src/graphiql/examples.ts';
import {
  ROOT,
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
const TAB_TITLES = '.graphiql-tabs .graphiql-tab-button';
const TOKEN_KEY = 'better-ads:token'; // client/src/lib/session.ts

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

  it('opened from the signed-in app: Headers hold its token, tabs the examples; signed out, no token', async () => {
    const { url, gql, signUp } = app!;
    const origin = new URL(url).origin;
    const user = await signUp('GraphiQL Tabs');
    const projectName = `Tabs-${randomBytes(3).toString('hex')}`;
    const created = await gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename } }`,
      { input: { name: projectName } },
      user.token,
    );
    expect(created.data.createProject.__typename).toBe('MutationCreateProjectSuccess');
    const schema = buildSchema(readFileSync(resolve(ROOT, 'schema.graphql'), 'utf8'));

    const context = await browser!.newContext({ viewport: { width: 1600, height: 900 } });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    const headersText = async () => {
      await page.locator(`${HEADERS_EDITOR} .monaco-editor .view-lines`).waitFor();
      return monacoText(page, HEADERS_EDITOR);
    };
    const titles = () => page.locator(TAB_TITLES).allTextContents();

    try {
      await page.goto(url);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Projects' }).waitFor();
      const token = await page.evaluate((k) => (globalThis as any).localStorage.getItem(k) as string | null, TOKEN_KEY);
      expect(token).toMatch(/\S{16,}/);

      // From the app's link; the introspection answer carries the schema's descriptions.
      const introspection = page.waitForResponse(
        (r) => r.url() === `${origin}/graphql` && !!r.request().postData()?.includes('IntrospectionQuery'),
      );
      await page.getByRole('link', { name: 'API explorer (GraphiQL)' }).click();
      await page.waitForURL(`${origin}/graphiql`);
      const queryType = (await (await introspection).json()).data.__schema.types.find((t: any) => t.name === 'Query');
      const me = queryType.fields.find((f: any) => f.name === 'me');
      expect(me.description).toBe(schema.getQueryType()!.getFields().me!.description);
      expect(me.description).toBeTruthy();

      await expect.poll(headersText).not.toBe('');
      expect(JSON.parse(await headersText())).toEqual({ Authorization: `Bearer ${token}` });
      await expect.poll(titles).toEqual(examples.map((e) => e.name));
      await screenshot(page, 'graphiql-4-from-app');

      // Every tab has the header; "MyProjects" runs with it and shows this user's project.
      await page.locator(TAB_TITLES, { hasText: 'MyProjects' }).click();
      await waitForOperationState(page, examples.find((e) => e.name === 'MyProjects')!.query);
      expect(JSON.parse(await headersText())).toEqual({ Authorization: `Bearer ${token}` });
      const answer = page.waitForResponse(
        (r) => r.url() === `${origin}/graphql` && !!r.request().postData()?.includes('"operationName":"MyProjects"'),
      );
      await page.locator(EXECUTE).click();
      expect((await answer).request().headers().authorization).toBe(`Bearer ${token}`);
      await expect
        .poll(() => resultJson(page).then((j) => j?.data?.me?.projects?.edges?.map((e: any) => e.node.name)))
        .toContain(projectName);
      expect((await resultJson(page)).errors).toBeUndefined();
      await screenshot(page, 'graphiql-5-my-projects');

      // The docs explorer shows descriptions: one under each described field of Query (and the type's own).
      await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
      await page.locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).click();
      const query = schema.getQueryType()!;
      const described = Object.values(query.getFields()).filter((f) => f.description).length;
      await expect
        .poll(() => page.locator('.graphiql-doc-explorer .graphiql-markdown-description').count())
        .toBe(described + (query.description ? 1 : 0));
      await screenshot(page, 'graphiql-6-docs');

      // Signed out in the app: GraphiQL opens with no token in any tab, and none was left in storage or URLs.
      await page.goto(url);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.goto(`${url}/graphiql`);
      await expect.poll(titles).toEqual(examples.map((e) => e.name));
      await page.locator(`${QUERY_EDITOR} .monaco-editor .view-lines`).waitFor();
      expect(await headersText()).toBe('');
      await page.locator(TAB_TITLES, { hasText: 'CatalogByTags' }).click();
      await waitForOperationState(page, examples[0]!.query);
      expect(await headersText()).toBe('');
      const stored = await page.evaluate(() => JSON.stringify({ ...(globalThis as any).localStorage }));
      expect(stored).not.toContain(token);
      expect(requests.filter((u) => u.includes(token!))).toEqual([]);
      await screenshot(page, 'graphiql-7-signed-out');
      expect(consoleErrors).toEqual([]);
    } catch (err) {
      await screenshot(page, 'graphiql-tabs-failure').catch(() => {});
      if (consoleErrors.length) console.error('browser console errors:', consoleErrors);
      throw err;
    } finally {
      await context.close();
    }
  });
});
