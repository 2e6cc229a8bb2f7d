// The first half of the browser journey in app.browser.test.ts, step by step: sign up, a project, images (one
// FAILED), avatars (one FAILED, then retried), b-rolls, an upload and its edit. Each step waits for what a person
// would see.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { renderPortraitPng } from '../src/media/render.ts';
import type { TestApp } from './helpers.ts';
import { card, count, waitForPlayableVideo } from './app-browser-setup.ts';

// Browser globals, used inside page.evaluate / waitForFunction callbacks (the server's tsconfig has no DOM lib).
declare const document: any;
declare const localStorage: any;

export interface Journey {
  page: Page;
  /** A screenshot in test-artifacts/app-<name>.png. */
  step: (name: string) => Promise<unknown>;
  url: string;
  emulator: TestApp['emulator'];
  prisma: TestApp['prisma'];
  /** Every WebSocket frame the page received so far. */
  wsFrames: string[];
}

/** Steps 1–2; the new project's path. */
export async function signUpAndCreateProject({ page, step, url }: Journey): Promise<string> {
  // 1. Sign up, with a typed error shown beside its field first.
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await step('01-signin');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill('Ada');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  const passwordError = page.locator('.field.has-error:has(input[name="password"]) .field-error');
  await passwordError.waitFor();
  expect(await passwordError.textContent()).toMatch(/\w/);
  expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
  await step('02-signup-field-error');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  expect(await page.evaluate(() => localStorage.getItem('better-ads:token'))).toMatch(/^bas_/);

  // 2. Projects: an empty name is refused beside the field; create, rename.
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.locator('.field.has-error:has(input[name="project-name"]) .field-error').waitFor();
  await page.getByLabel('New project').fill('Campagne printemps');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('heading', { name: 'Campagne printemps', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/projects\//);
  const projectPath = new URL(page.url()).pathname;
  await step('03-studio-empty');
  return projectPath;
}

/** Step 3: two images SUCCEEDED, one FAILED with its reason. */
export async function generateImages({ page, step, emulator }: Journey) {
  // 3. Generate an image: it shows at once as in progress, then finishes live.
  emulator.configure({ latencyMs: 1500, failure: 'tagged' });
  await page.getByLabel('Prompt').fill('Portrait of Claire, a smiling nurse');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await card(page, 'image', 'PENDING').waitFor();
  await step('04-image-pending');
  await card(page, 'image', 'SUCCEEDED').locator('img').waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="image-card"][data-status="SUCCEEDED"] img')?.naturalWidth > 0,
  );
  await step('05-image-ready');

  // A FAILED generation shows its reason.
  await page.getByLabel('Prompt').fill('[fail] a broken prompt');
  await page.getByRole('button', { name: 'Generate image' }).click();
  const failedImage = card(page, 'image', 'FAILED');
  await failedImage.waitFor({ timeout: 60_000 });
  expect((await failedImage.locator('.failure').textContent())!.trim().length).toBeGreaterThan(3);
  await step('06-image-failed');

  // A second image (a studio image is used up by the avatar made from it).
  await page.getByLabel('Prompt').fill('Portrait of Marc, a pharmacist');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="image-card"][data-status="SUCCEEDED"] img').length === 2,
    null,
    {
      timeout: 60_000,
    },
  );
}

/** Steps 4–5: an avatar playing through the subscription; a FAILED one retried. */
export async function createAvatars({ page, step, emulator, wsFrames }: Journey) {
  // 4. Pick a good image as reference; create an avatar: "in progress" at once, then a playing video.
  await card(page, 'image', 'SUCCEEDED').first().getByRole('button', { name: 'Use as reference' }).click();
  expect(
    await card(page, 'image', 'SUCCEEDED')
      .first()
      .getByRole('button', { name: /Reference/ })
      .getAttribute('aria-pressed'),
  ).toBe('true');
  await page.getByLabel('Avatar name').fill('Claire');
  await page.getByRole('button', { name: 'Create avatar' }).click();
  await card(page, 'avatar', 'PENDING').waitFor({ timeout: 5_000 });
  expect(await card(page, 'avatar', 'PENDING').textContent()).toContain('In progress');
  await step('07-avatar-in-progress');
  const framesBefore = wsFrames.length;
  const video = await waitForPlayableVideo(page, '[data-testid="avatar-card"][data-status="SUCCEEDED"]');
  expect(video.src).toMatch(/^http/);
  expect(video.readyState).toBeGreaterThan(0);
  expect(video).toMatchObject({ muted: true, loop: true, playsInline: true });
  // It came through the subscription (a projectUpdated event), not a reload or polling.
  expect(wsFrames.slice(framesBefore).some((f) => f.includes('"projectUpdated"') && f.includes('SUCCEEDED'))).toBe(
    true,
  );
  expect(await count(page, '[data-testid="avatar-card"]')).toBe(1);
  await step('08-avatar-playing');

  // 5. A FAILED avatar shows the reason and a Retry button that brings it to a video.
  emulator.configure({ failure: 'all' });
  await card(page, 'image', 'SUCCEEDED').first().getByRole('button', { name: 'Use as reference' }).click();
  await page.getByLabel('Avatar name').fill('Broken');
  await page.getByRole('button', { name: 'Create avatar' }).click();
  const failedAvatar = page.locator('[data-testid="avatar-card"][data-status="FAILED"]');
  await failedAvatar.waitFor({ timeout: 60_000 });
  const reason = (await failedAvatar.getByTestId('failure-reason').textContent())!.trim();
  expect(reason.length).toBeGreaterThan(3);
  await step('09-avatar-failed');
  const brokenId = await failedAvatar.getAttribute('data-id');
  emulator.configure({ failure: 'tagged' });
  await failedAvatar.getByRole('button', { name: 'Retry' }).click();
  await page.locator(`[data-testid="avatar-card"][data-id="${brokenId}"][data-status="PENDING"]`).waitFor();
  await waitForPlayableVideo(page, `[data-testid="avatar-card"][data-id="${brokenId}"][data-status="SUCCEEDED"]`);
  expect(await count(page, '[data-testid="avatar-card"][data-status="SUCCEEDED"]')).toBe(2);
  await step('10-avatar-retried');
}

/** Steps 6–7: b-rolls from a prompt and from an image; an upload, its edit, a refused file. */
export async function bRollsAndUploads({ page, step, prisma }: Journey) {
  // 6. B-roll from a prompt: thumbnail, then play.
  await page.getByLabel('B-roll name').fill('Pharmacie');
  await page.getByLabel('What happens in the clip').fill('Slow pan over a sunny pharmacy counter');
  await page.getByRole('button', { name: 'Create b-roll' }).click();
  await card(page, 'broll', 'PENDING').waitFor();
  const bRoll = card(page, 'broll', 'SUCCEEDED');
  await bRoll.locator('img').waitFor({ timeout: 60_000 });
  await step('11-broll-thumbnail');
  await bRoll.getByRole('button', { name: 'Play Pharmacie' }).click();
  await waitForPlayableVideo(page, '[data-testid="broll-card"]');
  await step('12-broll-playing');

  // 7. Upload with progress → a ready image, picked as the reference; then edit it with a prompt.
  const png = await renderPortraitPng({ title: 'Upload', subtitle: 'test', hue: 200 });
  const imagesBefore = await count(page, '[data-testid="image-card"]');
  await page.getByLabel('Image file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="image-card"]').length === n + 1,
    imagesBefore,
  );
  const uploaded = page.locator('[data-testid="image-card"].selected');
  await uploaded.locator('img').waitFor();
  expect(await uploaded.getAttribute('data-status')).toBe('SUCCEEDED');
  expect(await uploaded.textContent()).toContain('Uploaded');
  await uploaded.getByRole('button', { name: 'Edit' }).click();
  await uploaded.getByLabel('Edit with a prompt').fill('Same portrait, warmer light');
  await uploaded.getByRole('button', { name: 'Edit image' }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="image-card"]').length === n + 2,
    imagesBefore,
  );
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid="image-card"]')].every(
        (c) => c.getAttribute('data-status') !== 'PENDING',
      ),
    null,
    { timeout: 60_000 },
  );
  await step('13-upload-and-edit');
  // A b-roll that animates the selected reference image (Seedance image-to-video).
  await page.getByLabel('B-roll name').fill('Comptoir animé');
  await page.getByLabel('What happens in the clip').fill('The portrait turns towards the camera');
  await page.getByLabel('Animate the selected reference image').check();
  await page.getByRole('button', { name: 'Create b-roll' }).click();
  const animated = page.locator('[data-testid="broll-card"]', { hasText: 'Comptoir animé' });
  await animated.locator('img').waitFor({ timeout: 60_000 });
  expect(await animated.getAttribute('data-status')).toBe('SUCCEEDED');
  const fromImage = await prisma.bRoll.findFirstOrThrow({ where: { name: 'Comptoir animé' } });
  expect(fromImage).toMatchObject({
    source: 'IMAGE_TO_VIDEO',
    falModel: 'fal-ai/bytedance/seedance/v1/pro/image-to-video',
  });
  expect(fromImage.imageStoragePath).toBeTruthy();
  await step('13b-broll-from-image');
  // A file that is not an image is refused beside the file field, before any upload.
  await page
    .getByLabel('Image file')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.locator('.field.has-error:has(input[type="file"]) .field-error').waitFor();
}
