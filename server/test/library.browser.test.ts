// The library and the anonymous catalog in headless Chromium, against the real server (fal emulator, embedded
// S3, a fresh seeded database): a user's avatars across projects, one of them and a public one added to
// another project for free; the catalog signed out (filters, search, a playing preview), "Add to project"
// asking to sign in and coming back to the same avatar. Screenshots: test-artifacts/library-*.png.
import { makeAvatar, makeProject } from './project-media.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seed } from '../src/db/seed.ts';
import { screenshot, startBrowserApp } from './browser.ts';
import { dbId, type TestApp } from './helpers.ts';

declare const document: any;

let app: TestApp;
let browser: Browser;
let stop: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ app, browser, stop } = await startBrowserApp());
  app.emulator.configure({ latencyMs: 50 });
  await seed(app.prisma, app.storage);
}, 240_000);
afterAll(() => stop?.());

async function newPage(token?: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (token) await context.addInitScript((t) => localStorage.setItem('better-ads:token', t), token);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  return { page, errors, close: () => context.close() };
}
declare const localStorage: any;

const avatarCards = (page: Page) => page.locator('[data-testid="avatar-card"]');

describe('library and links in a browser', () => {
  it('lists my avatars across projects, adds one and a public one to another project for free', async () => {
    const u = await app.signUp('Lou');
    const a = await makeProject(app, u.token, 'Printemps');
    const b = await makeProject(app, u.token, 'Rentrée');
    const claire = await makeAvatar(app, u.token, a, 'Claire');
    const attempts = await app.prisma.generationAttempt.count({ where: { userId: u.userId } });
    const submissions = app.emulator.counts().submissions;
    const { page, errors, close } = await newPage(u.token);
    const step = (n: string) => screenshot(page, `library-${n}`);
    try {
      await page.goto(`${app.url}/`);
      await page.getByRole('link', { name: 'Library' }).click();
      await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
      await page.locator(`[data-testid="library-card"][data-id="${claire}"] video`).waitFor();
      expect(await page.getByTestId('library-count').textContent()).toBe('1');
      expect(await page.getByTestId('library-card').first().textContent()).toContain('Made in Printemps');
      await step('01-library');
      // Filters: by project (none is in Rentrée yet), by status.
      await page.getByLabel('Project', { exact: true }).selectOption({ label: 'Rentrée' });
      await page.getByText('No avatar matches these filters.').waitFor();
      await page.getByLabel('Project', { exact: true }).selectOption({ label: 'All projects' });
      await page.getByLabel('Status').selectOption('FAILED');
      await page.getByText('No avatar matches these filters.').waitFor();
      await page.getByLabel('Status').selectOption('SUCCEEDED');
      await page.getByTestId('library-card').first().waitFor();

      await page.getByRole('button', { name: 'Add Claire to a project' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Project').selectOption({ label: 'Rentrée' });
      await step('02-add-dialog');
      await dialog.getByRole('button', { name: 'Add to project' }).click();
      await dialog.getByText('Added to “Rentrée”.').waitFor();
      await dialog.getByRole('link', { name: 'Open Rentrée' }).click();
      await page.getByRole('heading', { name: 'Rentrée', level: 1 }).waitFor();
      const linked = page.locator(`[data-testid="avatar-card"][data-id="${claire}"]`);
      await linked.getByText('Added from another project').waitFor();
      expect(await linked.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
      await step('03-studio-linked');

      // A public avatar from the catalog: "Add to project", with the priced alternative shown beside it.
      await page.getByRole('link', { name: 'Catalog' }).click();
      const first = page.getByTestId('catalog-card').first();
      const name = (await first.locator('.name').textContent())!;
      await first.getByRole('button', { name: 'Use in project' }).click();
      await dialog.getByRole('heading', { name: `Add “${name}” to a project` }).waitFor();
      const id = new URL(page.url()).searchParams.get('avatar')!;
      const price = (await app.gql(`{ quote(input: { kind: AVATAR }) { estimatedCost } }`)).data.quote.estimatedCost;
      expect(price).toBeGreaterThan(0);
      expect(await dialog.getByTestId('own-version-price').textContent()).toBe(`$${price.toFixed(2)}`);
      await dialog.getByLabel('Project').selectOption({ label: 'Rentrée' });
      await step('04-catalog-add');
      await dialog.getByRole('button', { name: 'Add to project' }).click();
      await dialog.getByRole('link', { name: 'Open Rentrée' }).click();
      await page.getByRole('heading', { name: 'Rentrée', level: 1 }).waitFor();
      const pub = page.locator(`[data-testid="avatar-card"][data-id="${id}"]`);
      await pub.getByText('Added from the catalog').waitFor();
      await pub.locator('video').waitFor();
      expect(await avatarCards(page).count()).toBe(2);
      await step('05-studio-public');
      // Nothing generated, nothing counted: no attempt, no fal request.
      expect(await app.prisma.generationAttempt.count({ where: { userId: u.userId } })).toBe(attempts);
      expect(app.emulator.counts().submissions).toBe(submissions);
      expect(await app.prisma.projectAvatarLink.count({ where: { projectId: dbId(b) } })).toBe(2);

      // Removed from the project: it leaves the list at once, and survives a reload; the avatar itself stays.
      await pub.getByRole('button', { name: /Remove avatar .* from this project/ }).click();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, '[data-testid="avatar-card"]');
      await page.reload();
      await linked.waitFor();
      expect(await avatarCards(page).count()).toBe(1);
      expect(await app.prisma.avatar.count({ where: { id: dbId(id) } })).toBe(1);
      await step('06-removed');
      expect(errors).toEqual([]);
    } catch (e) {
      await step('failure').catch(() => {});
      throw e;
    } finally {
      await close();
    }
  }, 240_000);

  it('browses the catalog signed out; "Add to project" signs in and comes back to the same avatar', async () => {
    const { page, errors, close } = await newPage();
    const step = (n: string) => screenshot(page, `library-anon-${n}`);
    try {
      await page.goto(`${app.url}/catalog`);
      await page.getByRole('heading', { name: 'Public catalog' }).waitFor();
      await page.getByTestId('catalog-card').first().waitFor();
      const total = Number(await page.getByTestId('total-count').textContent());
      expect(total).toBeGreaterThan(1);
      await page.getByRole('checkbox', { name: /^Femme/ }).check();
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="total-count"]')?.textContent) < n,
        total,
      );
      await page.getByRole('checkbox', { name: /^Femme/ }).uncheck();
      const second = page.getByTestId('catalog-card').nth(1);
      const name = (await second.locator('.name').textContent())!;
      await page.getByLabel('Search by name').fill(name);
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="total-count"]')?.textContent) < n,
        total,
      );
      // A preview plays on hover.
      const card = page.getByTestId('catalog-card').filter({ hasText: name }).first();
      await card.hover();
      await page.waitForFunction((n) => {
        const c = [...document.querySelectorAll('[data-testid="catalog-card"]')].find((el: any) =>
          el.textContent.includes(n),
        );
        const v = c?.querySelector('video');
        return v && !v.paused && v.readyState > 0;
      }, name);
      await step('01-catalog');

      await card.getByRole('button', { name: 'Use in project' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: `Add “${name}” to a project` }).waitFor();
      const avatarId = new URL(page.url()).searchParams.get('avatar')!;
      expect(avatarId).toBeTruthy();
      await step('02-sign-in-to-add');
      await dialog.getByRole('link', { name: 'Sign in to add it' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Name').fill('Zoé');
      await page.getByLabel('Email').fill('zoe-library@example.com');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();

      // Back on the catalog, the same avatar's dialog open, now to add it.
      await dialog.getByRole('button', { name: 'Add to project' }).waitFor();
      const back = new URL(page.url());
      expect(back.pathname).toBe('/catalog');
      expect(back.searchParams.get('avatar')).toBe(avatarId);
      expect(await dialog.getByRole('heading').first().textContent()).toBe(`Add “${name}” to a project`);
      await dialog.getByLabel('New project name').fill('Mon premier projet');
      await step('03-back-signed-in');
      await dialog.getByRole('button', { name: 'Add to project' }).click();
      await dialog.getByRole('link', { name: 'Open Mon premier projet' }).click();
      await page.getByRole('heading', { name: 'Mon premier projet', level: 1 }).waitFor();
      await page
        .locator(`[data-testid="avatar-card"][data-id="${avatarId}"]`)
        .getByText('Added from the catalog')
        .waitFor();
      await step('04-in-project');
      const user = await app.prisma.user.findUniqueOrThrow({ where: { email: 'zoe-library@example.com' } });
      expect(await app.prisma.generationAttempt.count({ where: { userId: user.id } })).toBe(0);
      expect(errors).toEqual([]);
    } catch (e) {
      await step('failure').catch(() => {});
      throw e;
    } finally {
      await close();
    }
  }, 240_000);
});
