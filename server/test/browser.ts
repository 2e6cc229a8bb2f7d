// Test-only helpers for driving the built GraphiQL page in a real Chromium (Debian's, never a downloaded one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');

/** Builds client/dist (vite) unless graphiql.html is already there. */
export function ensureClientBuild(): void {
  if (existsSync(resolve(ROOT, 'client/dist/graphiql.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', 'client'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
  if (r.status !== 0 || !existsSync(resolve(ROOT, 'client/dist/graphiql.html'))) {
    throw new Error(`npm run build -w client failed (status ${r.status}, ${r.error ?? ''}):\n${r.stdout}\n${r.stderr}`);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
    els.map((el) => ({ top: parseFloat((el as unknown as { style: { top: string } }).style.top) || 0, text: el.textContent ?? '' })),
  );
  return rows
    .sort((a, b) => a.top - b.top)
    .map((r) => r.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

/**
 * Replaces a Monaco editor's contents the way a user would: click into it, select all, and insert the
 * text in one go (insertText, unlike per-key typing, does not fight auto-indentation and suggestions).
 * Waits until the editor shows exactly `text`.
 */
export async function setMonaco(page: Page, root: string, text: string): Promise<void> {
  const surface = page.locator(`${root} .monaco-editor .view-lines`);
  await surface.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  // Monaco may still auto-close the first bracket, leaving e.g. a stray "}" after the caret: drop the tail.
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape'); // a suggestion widget, if one opened
  const deadline = Date.now() + 5_000;
  let shown = '';
  while (Date.now() < deadline) {
    shown = await monacoText(page, root);
    if (shown === text) return;
    await page.waitForTimeout(50);
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
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
