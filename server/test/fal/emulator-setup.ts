// The emulator, a webhook receiver, our gateway and verifier, shared by the emulator tests: importing this
// module starts them before the file's tests and resets the emulator's configuration before each.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startFalEmulator, type FalEmulator, type FalEmulatorConfig } from '../../src/fal/emulator.ts';
import { createFalGateway, type FalGateway, type FalModel } from '../../src/fal/gateway.ts';
import { createWebhookVerifier, type FalWebhookBody, type WebhookVerifier } from '../../src/fal/webhook.ts';
import { renderPortraitPng } from '../../src/media/render.ts';
import { describeMedia, download, startWebhookReceiver, type WebhookReceiver } from './helpers.ts';

export const TEST_CONFIG: Partial<FalEmulatorConfig> = {
  latencyMs: 50,
  failure: 'tagged',
  webhook: 'deliver',
  webhookDelayMs: 0,
  webhookRetries: 3,
  webhookRetryDelayMs: 50,
  videoBytes: null,
  videoFps: 12,
  validation: 'queued',
  webhookPayload: 'inline',
  resultFields: 'all',
  cancelRunning: 'completes',
  fileTtlMs: null,
  queueMs: null,
  workers: null,
};

export let emu: FalEmulator;
export let hooks: WebhookReceiver;
export let fal: FalGateway;
export let verifier: WebhookVerifier;

beforeAll(async () => {
  emu = await startFalEmulator(TEST_CONFIG);
  hooks = await startWebhookReceiver();
  fal = createFalGateway({ credentials: 'emulator', baseUrl: emu.url, timeoutMs: 30_000 });
  verifier = createWebhookVerifier({ jwksUrl: emu.jwksUrl });
});
afterAll(async () => {
  // Either is unset when beforeAll failed part-way.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  await hooks?.stop();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  await emu?.stop();
});
beforeEach(() => {
  emu.configure(TEST_CONFIG);
  hooks.respondWith = () => 200;
});

export async function submit(model: FalModel, input: Record<string, unknown>): Promise<string> {
  const r = await fal.submit(model, input, hooks.url);
  if (!r.ok) throw new Error(`submit failed: ${JSON.stringify(r.error)}`);
  return r.value.requestId;
}

/** Waits for the webhook of `requestId` and verifies it like the app will. */
export async function webhookOf(requestId: string): Promise<FalWebhookBody> {
  const [hook] = await hooks.waitFor(requestId);
  const v = await verifier.verify(hook!.headers, hook!.raw);
  if (!v.ok) throw new Error(`webhook refused: ${v.reason}`);
  expect(v.requestId).toBe(requestId);
  return v.body;
}

export async function uploadPortrait(width: number, height: number): Promise<{ url: string; png: Buffer }> {
  const png = await renderPortraitPng({ title: 'Reference', hue: 30, width, height });
  const up = await fal.uploadFile(png, 'image/png');
  if (!up.ok) throw new Error(JSON.stringify(up.error));
  return { url: up.value.url, png };
}

export async function expectMuteH264(url: string, seconds: number): Promise<string> {
  const video = await download(url);
  expect(video.status).toBe(200);
  expect(video.type).toBe('video/mp4');
  expect(video.data.subarray(4, 8).toString('latin1')).toBe('ftyp');
  const info = await describeMedia(video.data);
  expect(info).toMatch(/Video: h264/);
  expect(info).not.toMatch(/Audio:/);
  expect(info).toContain(`Duration: 00:00:${String(seconds).padStart(2, '0')}`);
  return info;
}
