// The real @fal-ai/client (through our gateway) against the fal emulator over HTTP; webhooks land on a real
// local HTTP server and are checked by the real verifier against the emulator's JWKS.
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { type FalModel } from '../../src/fal/gateway.ts';
import {
  fluxImageToImageInput,
  fluxTextToImageInput,
  parseFluxResult,
  parseSeedanceResult,
  seedanceImageToVideoInput,
  seedanceTextToVideoInput,
} from '../../src/fal/models.ts';
import { renderPortraitPng } from '../../src/media/render.ts';
import { createS3Storage } from '../../src/storage/storage.ts';
import { describeMedia, download } from './helpers.ts';
import { emu, expectMuteH264, fal, hooks, submit, uploadPortrait, webhookOf } from './emulator-setup.ts';

describe('the four models through the real client', () => {
  it('FLUX text-to-image: signed webhook, PNG result, status COMPLETED with the same payload', async () => {
    const id = await submit(
      'fal-ai/flux/dev',
      fluxTextToImageInput({ prompt: 'A smiling nurse, studio light', aspectRatio: '3:4' }),
    );
    const body = await webhookOf(id);
    expect(body.status).toBe('OK');
    const parsed = parseFluxResult(body.payload);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.nsfw).toEqual([false]);
    const [image] = parsed.value.images;
    expect(image).toMatchObject({ width: 768, height: 1024, contentType: 'image/png' });
    const file = await download(image!.url);
    const meta = await sharp(file.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 768, 1024]);

    const status = await fal.status('fal-ai/flux/dev', id);
    expect(status).toEqual({ ok: true, value: { state: 'COMPLETED', payload: body.payload } });
    // The exact URLs the client used: submit on the full endpoint, status/result without the sub-path.
    const seen = emu.requests.filter((r) => r.requestId === id).map((r) => `${r.method} ${r.path}${r.search}`);
    expect(seen).toEqual([
      `POST /fal-ai/flux/dev?fal_webhook=${encodeURIComponent(hooks.url)}`,
      `GET /fal-ai/flux/requests/${id}/status?logs=0`,
      `GET /fal-ai/flux/requests/${id}`,
    ]);
  });

  it('FLUX image-to-image: fetches an uploaded image and returns an edit of the same size', async () => {
    const { url, png } = await uploadPortrait(640, 480);
    const id = await submit(
      'fal-ai/flux/dev/image-to-image',
      fluxImageToImageInput({ imageUrl: url, prompt: 'Same person, red scarf', strength: 0.8 }),
    );
    const parsed = parseFluxResult((await webhookOf(id)).payload);
    if (!parsed.ok) throw new Error(parsed.error);
    const edited = await download(parsed.value.images[0]!.url);
    const before = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const after = await sharp(edited.data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([after.info.width, after.info.height]).toEqual([640, 480]);
    let diff = 0;
    for (let i = 0; i < before.data.length; i++) diff += Math.abs(before.data[i]! - after.data[i]!);
    expect(diff / before.data.length).toBeGreaterThan(10);
  });

  it('FLUX image-to-image fetches a presigned S3 URL, as the app will hand it one', async () => {
    const storage = createS3Storage({
      endpoint: inject('s3Endpoint'),
      accessKey: inject('s3AccessKey'),
      secretKey: inject('s3SecretKey'),
      region: 'us-east-1',
      bucket: 'fal-emulator-test',
    });
    await storage.ensureBucket();
    await storage.put(
      'refs/portrait.png',
      await renderPortraitPng({ title: 'S3', hue: 120, width: 320, height: 400 }),
      'image/png',
    );
    const imageUrl = await storage.presignGet('refs/portrait.png');
    const id = await submit(
      'fal-ai/flux/dev/image-to-image',
      fluxImageToImageInput({ imageUrl, prompt: 'Studio background', strength: 0.6 }),
    );
    const parsed = parseFluxResult((await webhookOf(id)).payload);
    expect(parsed.ok && parsed.value.images[0]).toMatchObject({ width: 320, height: 400 });
  });

  it('Seedance image-to-video: a mute H.264 MP4 of the requested duration', async () => {
    const { url } = await uploadPortrait(480, 640);
    const input = seedanceImageToVideoInput({ imageUrl: url, durationSeconds: 5 });
    const id = await submit('fal-ai/bytedance/seedance/v1/pro/image-to-video', input);
    expect(emu.jobs.get(id)!.input).toEqual(input);
    const body = await webhookOf(id);
    const parsed = parseSeedanceResult(body.payload);
    if (!parsed.ok) throw new Error(parsed.error);
    const info = await expectMuteH264(parsed.value.videoUrl, 5);
    expect(info).toMatch(/270x360/); // 'auto' keeps the reference's 3:4
    expect(body.payload).toMatchObject({
      video: { content_type: 'video/mp4', file_name: expect.stringMatching(/\.mp4$/) },
    });
  });

  it('Seedance text-to-video: a mute H.264 MP4 in the requested aspect ratio', async () => {
    const id = await submit(
      'fal-ai/bytedance/seedance/v1/pro/text-to-video',
      seedanceTextToVideoInput({ prompt: 'Clinic hallway, slow dolly', aspectRatio: '9:16', durationSeconds: 5 }),
    );
    const parsed = parseSeedanceResult((await webhookOf(id)).payload);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await expectMuteH264(parsed.value.videoUrl, 5)).toMatch(/202x360/);
  });

  it('a video input without generate_audio: false comes back with sound, as newer Seedance does', async () => {
    const id = await submit('fal-ai/bytedance/seedance/v1/pro/text-to-video', {
      prompt: 'Beach',
      duration: '2',
      aspect_ratio: '1:1',
    });
    const parsed = parseSeedanceResult((await webhookOf(id)).payload);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await describeMedia((await download(parsed.value.videoUrl)).data)).toMatch(/Audio: aac/);
  });
});

describe('refusals and storage', () => {
  it("an unknown endpoint is rejected at submit (404); with validation 'submit', an invalid input (422)", async () => {
    const unknown = await fal.submit('fal-ai/nope/v9' as FalModel, { prompt: 'x' }, hooks.url);
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'rejected', status: 404 } });
    emu.configure({ validation: 'submit' });
    const noPrompt = await fal.submit('fal-ai/flux/dev', { image_size: 'square' }, hooks.url);
    expect(noPrompt).toMatchObject({
      ok: false,
      error: { kind: 'rejected', status: 422, message: expect.stringContaining('prompt: Field required') },
    });
    const badDuration = await fal.submit(
      'fal-ai/bytedance/seedance/v1/pro/text-to-video',
      { prompt: 'x', duration: 5 },
      hooks.url,
    );
    expect(badDuration).toMatchObject({
      ok: false,
      error: { kind: 'rejected', status: 422, message: expect.stringContaining('duration') },
    });
  });

  it('by default, as at fal, an invalid input is queued, then fails by an ERROR webhook with detail[]', async () => {
    const id = await submit('fal-ai/flux/dev', { image_size: 'square', num_images: 9 });
    const body = await webhookOf(id);
    expect(body).toMatchObject({
      status: 'ERROR',
      error: 'Invalid status code: 422',
      payload: {
        detail: expect.arrayContaining([
          { loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' },
          expect.objectContaining({ loc: ['body', 'num_images'] }),
        ]),
      },
    });
    expect(await fal.status('fal-ai/flux/dev', id)).toMatchObject({
      ok: true,
      value: { state: 'FAILED', error: expect.stringContaining('prompt: Field required') },
    });
  });

  it('an image URL fal cannot download fails the request', async () => {
    const id = await submit(
      'fal-ai/flux/dev/image-to-image',
      fluxImageToImageInput({ imageUrl: `${emu.url}/files/missing.png`, prompt: 'x', strength: 0.5 }),
    );
    expect(await webhookOf(id)).toMatchObject({
      status: 'ERROR',
      payload: { detail: [{ loc: ['body', 'image_url'], type: 'file_download_error' }] },
    });
  });

  it('uploadFile stores the bytes at a URL the emulator serves', async () => {
    const data = Buffer.from('not really a png, but bytes are bytes');
    const up = await fal.uploadFile(data, 'image/png');
    if (!up.ok) throw new Error(JSON.stringify(up.error));
    expect(up.value.url).toMatch(new RegExp(`^${emu.url}/files/[\\w-]+\\.png$`));
    const file = await download(up.value.url);
    expect([file.status, file.type, file.data.equals(data)]).toEqual([200, 'image/png', true]);
    expect(await fal.uploadFile(data, 'nonsense')).toMatchObject({ ok: false, error: { kind: 'rejected' } });
  });

  it('[nsfw] is flagged and blacked out like the safety checker does', async () => {
    const id = await submit(
      'fal-ai/flux/dev',
      fluxTextToImageInput({ prompt: 'Something [nsfw]', aspectRatio: '1:1' }),
    );
    const parsed = parseFluxResult((await webhookOf(id)).payload);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.nsfw).toEqual([true]);
    const stats = await sharp((await download(parsed.value.images[0]!.url)).data).stats();
    expect(stats.channels.every((c) => c.max === 0)).toBe(true);
  });

  it('videoBytes pads result videos to the requested size, still readable', async () => {
    emu.configure({ videoBytes: 2_000_000 });
    const id = await submit('fal-ai/bytedance/seedance/v1/pro/text-to-video', {
      prompt: 'Big',
      duration: '2',
      aspect_ratio: '16:9',
      generate_audio: false,
    });
    const parsed = parseSeedanceResult((await webhookOf(id)).payload);
    if (!parsed.ok) throw new Error(parsed.error);
    const video = await download(parsed.value.videoUrl);
    expect(video.data.length).toBe(2_000_000);
    expect(await describeMedia(video.data)).toMatch(/Video: h264/);
  });

  it('configuration over HTTP, for tests in other processes; expired files answer 404', async () => {
    const res = await fetch(`${emu.url}/_emulator/config`, {
      method: 'POST',
      body: JSON.stringify({ fileTtlMs: 200 }),
    });
    expect(res.status).toBe(200);
    expect(emu.config.fileTtlMs).toBe(200);
    const bad = await fetch(`${emu.url}/_emulator/config`, {
      method: 'POST',
      body: JSON.stringify({ webhook: 'sometimes' }),
    });
    expect(bad.status).toBe(400);
    const up = await fal.uploadFile(Buffer.from('short-lived'), 'text/plain');
    if (!up.ok) throw new Error(JSON.stringify(up.error));
    expect((await download(up.value.url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await download(up.value.url)).status).toBe(404);
  });

  it('status of an unknown request is rejected', async () => {
    expect(await fal.status('fal-ai/flux/dev', '00000000-0000-0000-0000-000000000000')).toMatchObject({
      ok: false,
      error: { kind: 'rejected', status: 404 },
    });
  });
});
