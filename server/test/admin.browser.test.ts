// The admin screens of the built React app in headless Chromium, against the real server and the fal
// emulator: an admin signs in, creates a category and a tag (a typed field error first), moves the category
// (the order survives a reload), publishes a public avatar from a studio image with that tag (PENDING, then
// ready through the subscription) and renames it, creates and revokes a partner key, reads usage by user,
// finds the avatar in the catalog filtered by the tag, and deletes it. A USER, and anyone signed out, get
// the not-found screen at /admin and no Admin link. Screenshots: test-artifacts/admin-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserApp, screenshot } from './browser.ts';
import { createPublicAvatars, createTaxonomy } from './fixtures.ts';
import { untilStatus, type TestApp } from './helpers.ts';
import { ensureAdmin } from '../src/auth/admin.ts';

declare const document: any;
declare const localStorage: any;

let app: TestApp;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;
let admin: { token: string; email: string };
const PROMPT = 'Portrait of Léa, a sports coach';

beforeAll(async () => {
  ({ app, browser, stop: stopAll } = await startBrowserApp());
  // Other public avatars, so that the tag filter has something to leave out.
  await createPublicAvatars(app, await createTaxonomy(app), 6);
  admin = await app.signUp('Ada Admin');
  await ensureAdmin(app.prisma, admin.email);
  const project = await app.gql(
    `mutation { createProject(input: { name: "Admin studio" }) {
      ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    admin.token,
  );
  const image = await app.gql(
    `mutation($p: ID!, $prompt: String!) { generateImage(input: { projectId: $p, prompt: $prompt }) {
      ... on MutationGenerateImageSuccess { data { id } } } }`,
    { p: project.data.createProject.data.id, prompt: PROMPT },
    admin.token,
  );
  await untilStatus(app, admin.token, image.data.generateImage.data.id);
}, 240_000);
afterAll(async () => {
  await stopAll?.();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('dialog', (d) => void d.accept()); // the confirmations before a delete or a revoke
  return { page, errors };
}

const slugsShown = (page: Page) =>
  page.locator('[data-testid="admin-category"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')));

describe('admin screens', () => {
  it('an admin makes a tag and publishes an avatar with it that the catalog then shows under that tag', async () => {
    const { page, errors } = await newPage();
    const step = (name: string) => screenshot(page, `admin-${name}`);
    try {
      await page.goto(app.url);
      await page.getByLabel('Email').fill(admin.email);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Projects' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      await page.getByRole('heading', { name: 'Tag categories and tags' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/tags');
      await page.locator('[data-testid="admin-category"][data-slug="industrie"]').waitFor();

      // A category, then a tag in it; an empty name is refused beside its field first.
      await page.getByLabel('New category', { exact: true }).fill('Style');
      await page.getByRole('button', { name: 'Add category' }).click();
      const style = page.locator('[data-testid="admin-category"][data-slug="style"]');
      await style.waitFor();
      await style.getByRole('button', { name: 'Add tag' }).click();
      const nameError = style.locator('.field.has-error .field-error');
      await nameError.waitFor();
      expect((await nameError.textContent())!.trim()).toBe('Required.');
      await step('01-tag-field-error');
      await style.getByLabel('New tag in Style', { exact: true }).fill('Sportif');
      await style.getByRole('button', { name: 'Add tag' }).click();
      const sportif = style.locator('[data-testid="admin-tag"][data-slug="sportif"]');
      await sportif.waitFor();
      expect(await sportif.getByTestId('tag-avatar-count').textContent()).toBe('0 avatars');

      // Move it up one place: shown at once, kept by the server (a reload shows the same order).
      expect(await slugsShown(page)).toEqual(['sexe', 'age', 'industrie', 'style']);
      await style.getByRole('button', { name: 'Move Style up' }).click();
      await expect.poll(() => slugsShown(page)).toEqual(['sexe', 'age', 'style', 'industrie']);
      await expect
        .poll(async () => (await app.prisma.tagCategory.findUniqueOrThrow({ where: { slug: 'style' } })).position)
        .toBe(2);
      await page.reload();
      await style.waitFor();
      expect(await slugsShown(page)).toEqual(['sexe', 'age', 'style', 'industrie']);
      await step('02-tags');

      // Publish an avatar from the studio image, tagged Sportif: PENDING at once, then ready, live.
      await page.getByRole('link', { name: 'Public avatars' }).click();
      await page.getByRole('heading', { name: 'Public avatars', level: 2 }).waitFor();
      await page.getByLabel('Public avatar name').fill('Coach Léa');
      await page.getByLabel('Project', { exact: true }).selectOption({ label: 'Admin studio' });
      await page.getByRole('radio', { name: PROMPT }).check();
      const form = page.locator('form.admin-new-avatar');
      await form.getByRole('checkbox', { name: 'Sportif' }).check();
      await form.getByRole('button', { name: 'Publish avatar' }).click();
      const row = page.locator('[data-testid="admin-avatar"]', { hasText: 'Coach Léa' });
      await row.waitFor();
      await row.scrollIntoViewIfNeeded();
      await step('03-avatar-publishing');
      await page.locator('[data-testid="admin-avatar"][data-status="SUCCEEDED"]', { hasText: 'Coach Léa' }).waitFor();
      expect(await row.textContent()).toContain('Sportif');
      await row.scrollIntoViewIfNeeded();
      await step('04-avatar-published');

      // Edit its name (shown at once, kept by the server).
      const avatar = page.locator(`[data-testid="admin-avatar"][data-id="${await row.getAttribute('data-id')}"]`);
      await avatar.getByRole('button', { name: 'Edit Coach Léa' }).click();
      await avatar.getByLabel('Avatar name').fill('Coach Léa Martin');
      await avatar.getByRole('button', { name: 'Save' }).click();
      await avatar.getByRole('heading', { name: 'Coach Léa Martin' }).waitFor();
      await expect
        .poll(async () => await app.prisma.avatar.count({ where: { name: 'Coach Léa Martin', visibility: 'PUBLIC' } }))
        .toBe(1);

      // A partner key: its secret shown once, then listed by prefix, never used, and revoked.
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByLabel('New key for').fill('Agence X');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = (await page.getByTestId('new-api-key').textContent())!;
      expect(secret).toMatch(/^bak_[\w-]{43}$/); // base64url of 32 random bytes
      const key = page.locator('[data-testid="api-key"]', { hasText: 'Agence X' });
      expect(await key.textContent()).toContain('Never');
      expect(await key.textContent()).not.toContain(secret);
      await step('05-api-key-created');
      await key.getByRole('button', { name: 'Revoke Agence X' }).click();
      await page.locator('[data-testid="api-key"][data-revoked="true"]', { hasText: 'Agence X' }).waitFor();
      await expect
        .poll(async () => (await app.prisma.apiKey.findFirstOrThrow({ where: { name: 'Agence X' } })).revokedAt)
        .not.toBeNull();

      // Usage by user: the admin's image and avatar this month.
      await page.getByRole('link', { name: 'Usage by user' }).click();
      const usage = page.locator(`[data-testid="user-usage"][data-email="${admin.email}"]`);
      await usage.waitFor();
      expect(await usage.textContent()).toContain('fal-ai/');
      await step('06-usage-by-user');

      // The catalog, filtered by the new tag, shows that avatar and only it.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('heading', { name: 'Public catalog' }).waitFor();
      await page.getByTestId('catalog-card').first().waitFor();
      await page.getByRole('checkbox', { name: /^Sportif/ }).check();
      await page.waitForFunction(() => document.querySelector('[data-testid="total-count"]')?.textContent === '1');
      await expect.poll(() => page.getByTestId('catalog-card').count()).toBe(1);
      expect(await page.getByTestId('catalog-card').textContent()).toContain('Coach Léa Martin');
      await step('07-catalog-by-tag');

      // Deleted (after a confirmation), it leaves the admin list and the catalog.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      await page.getByRole('link', { name: 'Public avatars' }).click();
      await avatar.getByRole('button', { name: 'Delete Coach Léa Martin' }).click();
      await avatar.waitFor({ state: 'detached' });
      // Gone from the list at once (optimistic); from the catalog when the server has deleted it.
      const SPORTIF = `{ publicAvatars(tags: ["sportif"]) { ... on PublicAvatarConnection { totalCount } } }`;
      await expect.poll(async () => (await app.gql(SPORTIF)).data.publicAvatars.totalCount).toBe(0);
      expect(await app.prisma.avatar.count({ where: { name: 'Coach Léa Martin' } })).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it('a USER, and anyone signed out, get the not-found screen at /admin and no Admin link', async () => {
    const user = await app.signUp('Uma User');
    const { page, errors } = await newPage();
    try {
      await page.goto(`${app.url}/admin`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await screenshot(page, 'admin-08-signed-out-not-found');

      await page.evaluate((t) => localStorage.setItem('better-ads:token', t), user.token);
      await page.goto(app.url);
      await page.getByRole('heading', { name: 'Projects' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allTextContents()).not.toContain('Admin');
      await page.goto(`${app.url}/admin/tags`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Tag categories and tags' }).count()).toBe(0);
      await screenshot(page, 'admin-09-user-not-found');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
