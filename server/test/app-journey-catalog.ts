// The second half of the browser journey in app.browser.test.ts: a reload, the catalog (facets, search,
// infinite scroll), "use in project", phone width, projects renamed and deleted, sign out.
import { expect } from 'vitest';
import { card, count, EXTRA } from './app-browser-setup.ts';
import type { Journey } from './app-journey-studio.ts';

// Browser globals, used inside page.evaluate / waitForFunction callbacks (the server's tsconfig has no DOM lib).
declare const document: any;
declare const localStorage: any;

/** Steps 8–9: the studio survives a reload; the catalog's facets, search and infinite scroll. */
export async function browseCatalog({ page, step }: Journey) {
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
    page.waitForFunction((x) => document.querySelector('[data-testid="total-count"]')?.textContent === String(x), n);
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
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="catalog-card"]').length === n, 24 + EXTRA);
  await step('16-catalog-scrolled');
}

/** Step 10: a catalog avatar's image becomes the project's reference. */
export async function useInProject({ page, step }: Journey, projectPath: string) {
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
}

/** Steps 11–13: phone width, projects renamed and deleted, sign out. */
export async function phoneProjectsSignOut({ page, step, url }: Journey, projectPath: string) {
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
}
