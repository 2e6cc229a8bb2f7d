// Test-only helpers for driving the built GraphiQL page in a real Chromium (Debian's, never a downloaded one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './helpers.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');

/**
 * Builds the client (`npm run build -w client`) into `outDir`, for the server to serve through
 * CLIENT_DIST. A private build (~4 s) tests the current client sources, and cannot be emptied or
 * rewritten halfway through by another test file's `npm start` (its prestart rebuilds a stale
 * client/dist with emptyOutDir) running in the other vitest worker.
 */
export function buildClient(outDir: string): void {
  const r = spawnSync('npm', ['run', 'build', '-w', 'client', '--', '--outDir', outDir, '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 110_000,
  });
  if (r.status !== 0 || !existsSync(resolve(outDir, 'graphiql.html'))) {
    throw new Error(`npm run build -w client failed (status ${r.status}, ${r.error ?? ''}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** A test app serving a private client build, and a Chromium to drive it; `stop` undoes all three. */
export async function startBrowserApp(
  env: Record<string, string> = {},
): Promise<{ app: TestApp; browser: Browser; stop: () => Promise<void> }> {
  const dist = await mkdtemp(join(tmpdir(), 'better-ads-client-'));
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await app?.stop();
    await rm(dist, { recursive: true, force: true });
  };
  try {
    buildClient(dist);
    app = await startTestApp({ CLIENT_DIST: dist, ...env });
    browser = await launchChromium();
  } catch (e) {
    await stop();
    throw e;
  }
  return { app, browser, stop };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 20_000,
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
}

/**
 * The text a Monaco editor shows (under `root`), one string per rendered line in
 * document order. Monaco renders spaces as U+00A0 and only the lines in view.
 */
export async function monacoText(page: Page, root: string): Promise<string> {
  const lines = page.locator(`${root} .monaco-editor .view-lines > .view-line`);
  const rows = await lines.evaluateAll((els) =>
    els.map((el) => ({
      top: parseFloat((el as unknown as { style: { top: string } }).style.top) || 0,
      text: el.textContent ?? '',
    })),
  );
  return rows
    .sort((a, b) => a.top - b.top)
    .map((r) => r.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

/**
 * Replaces a Monaco editor's contents the way a user would: click into it, select all, paste. (Typing,
 * even with insertText, goes through auto-closing brackets and auto-indentation and garbles multi-line
 * text; a paste is inserted verbatim.) Needs the clipboard-read/write permissions on the context.
 * No Escape afterwards: pressing it right after Ctrl+V was seen to cancel the paste in the operation
 * editor. Waits until the editor shows exactly `text`, pasting again if it does not (at most 3 times).
 */
export async function setMonaco(page: Page, root: string, text: string): Promise<void> {
  await page.evaluate((t) => (globalThis as any).navigator.clipboard.writeText(t), text);
  let shown = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(`${root} .monaco-editor .view-lines`).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    if (await until(async () => (shown = await monacoText(page, root)) === text, 3_000)) return;
  }
  throw new Error(`editor ${root} shows ${JSON.stringify(shown)}, expected ${JSON.stringify(text)}`);
}

/** The result pane parsed as JSON, or undefined while it is empty or not (yet) valid JSON. */
export async function resultJson(page: Page): Promise<any> {
  const text = await monacoText(page, '.result-window');
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Polls `check` until it returns true (→ true) or `timeoutMs` passes (→ false). */
export async function until(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * GraphiQL reads the operation editor's text when it runs, but takes the operation name and the parsed
 * document (which our fetcher uses to pick WebSocket vs HTTP) from state that a 100 ms debounced change
 * handler updates. Running sooner sends a stale operationName / documentAST. That handler also persists
 * the text to localStorage ("graphiql:query"), so wait for that.
 */
export async function waitForOperationState(page: Page, text: string): Promise<void> {
  const settled = await until(
    async () => (await page.evaluate(() => (globalThis as any).localStorage.getItem('graphiql:query'))) === text,
    5_000,
  );
  if (!settled) throw new Error('GraphiQL did not pick up the operation editor text');
}
