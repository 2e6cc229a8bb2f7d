import { describe, expect, it } from 'vitest';
import {
  estimateCostUsd,
  estimateImageCostUsd,
  estimateVideoCostUsd,
  FAL_MODELS,
  FAL_PRICES,
  FLUX_ASPECT_RATIOS,
  fluxImageToImageInput,
  fluxKontextInput,
  fluxTextToImageInput,
  isSeedanceDuration,
  parseFluxResult,
  parseSeedanceResult,
  seedanceDurationSchema,
  seedanceImageToVideoInput,
  seedanceTextToVideoInput,
  type SeedanceDuration,
} from '../../src/fal/models.ts';
import { validateInput } from '../../src/fal/emulator-inputs.ts';

describe('prices', () => {
  it('has an estimate for every model, in one place', () => {
    for (const m of FAL_MODELS) expect(FAL_PRICES[m].usd).toBeGreaterThan(0);
    expect(estimateImageCostUsd('fal-ai/flux/dev', 1024, 1024)).toBe(0.025);
    expect(estimateImageCostUsd('fal-ai/flux/dev', 1024, 768)).toBe(0.025);
    expect(estimateImageCostUsd('fal-ai/flux/dev', 2048, 1024)).toBe(0.05);
    expect(estimateVideoCostUsd('fal-ai/bytedance/seedance/v1/pro/image-to-video', 5)).toBeCloseTo(0.62, 2);
    expect(estimateVideoCostUsd('fal-ai/bytedance/seedance/v1/pro/text-to-video', 10)).toBeCloseTo(1.24, 2);
    expect(() => estimateVideoCostUsd('fal-ai/flux/dev', 5)).toThrow(RangeError);
    // Seedance 1 Pro Fast ≈ $0.243 per 5 s of 1080p; FLUX Kontext pro $0.04 per image whatever its size.
    expect(estimateVideoCostUsd('fal-ai/bytedance/seedance/v1/pro/fast/image-to-video', 5)).toBeCloseTo(0.243, 3);
    expect(estimateVideoCostUsd('fal-ai/bytedance/seedance/v1/pro/fast/text-to-video', 10)).toBeCloseTo(0.486, 3);
    const kontext = fluxKontextInput({ imageUrl: 'https://x.test/a.png', prompt: 'make it red' });
    expect(estimateCostUsd('fal-ai/flux-pro/kontext', kontext, { width: 4096, height: 4096 })).toBe(0.04);
    expect(estimateCostUsd('fal-ai/flux-pro/kontext', { ...kontext, num_images: 3 })).toBe(0.12);
  });

  it('keeps a seed fal reports as a 32-bit integer, and drops one it cannot keep', () => {
    const seedOf = (seed: unknown) => {
      const r = parseSeedanceResult({ video: { url: 'u' }, seed });
      return r.ok ? r.value.seed : 'failed';
    };
    expect([0, 42, 2 ** 31 - 1, -1].map(seedOf)).toEqual([0, 42, 2 ** 31 - 1, -1]);
    expect([2 ** 31, 1.5, '7', null, undefined].map(seedOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('estimates a submission from the input the builders make', () => {
    expect(estimateCostUsd('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'p', aspectRatio: '16:9' }))).toBe(0.025);
    const edit = fluxImageToImageInput({ imageUrl: 'https://x.test/a.png', prompt: 'p', strength: 0.5 });
    // Image-to-image: $0.03 per megapixel of the input (rounded up), one megapixel when the size is unknown.
    expect(estimateCostUsd('fal-ai/flux/dev/image-to-image', edit, { width: 1024, height: 1024 })).toBe(0.03);
    expect(estimateCostUsd('fal-ai/flux/dev/image-to-image', edit, { width: 640, height: 480 })).toBe(0.03);
    expect(estimateCostUsd('fal-ai/flux/dev/image-to-image', edit, { width: 1600, height: 1200 })).toBe(0.06);
    expect(estimateCostUsd('fal-ai/flux/dev/image-to-image', edit, { width: 4096, height: 4096 })).toBe(0.48);
    expect(estimateCostUsd('fal-ai/flux/dev/image-to-image', edit)).toBe(0.03);
    const video = seedanceImageToVideoInput({ imageUrl: 'https://x.test/a.png', durationSeconds: 10 });
    expect(estimateCostUsd('fal-ai/bytedance/seedance/v1/pro/image-to-video', video)).toBeCloseTo(1.24, 2);
  });
});

describe('input builders and allowed values', () => {
  it('FLUX text-to-image maps every aspect ratio to an image_size preset fal accepts', () => {
    const presets = FLUX_ASPECT_RATIOS.map(
      (aspectRatio) => fluxTextToImageInput({ prompt: 'p', aspectRatio }).image_size,
    );
    expect(presets).toEqual(['square_hd', 'landscape_16_9', 'portrait_16_9', 'landscape_4_3', 'portrait_4_3']);
    for (const aspectRatio of FLUX_ASPECT_RATIOS) {
      expect(validateInput('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'p', aspectRatio })).ok).toBe(true);
    }
    expect(() => fluxTextToImageInput({ prompt: 'p', aspectRatio: '2:1' as never })).toThrow(RangeError);
    expect(() => fluxTextToImageInput({ prompt: '   ', aspectRatio: '1:1' })).toThrow(/prompt/);
  });

  it('FLUX image-to-image checks strength and URL', () => {
    expect(fluxImageToImageInput({ imageUrl: 'https://x.test/a.png', prompt: 'p', strength: 0.7 })).toMatchObject({
      image_url: 'https://x.test/a.png',
      strength: 0.7,
    });
    expect(() => fluxImageToImageInput({ imageUrl: 'https://x.test/a.png', prompt: 'p', strength: 1.5 })).toThrow(
      RangeError,
    );
    expect(() => fluxImageToImageInput({ imageUrl: 'not a url', prompt: 'p', strength: 0.5 })).toThrow(RangeError);
  });

  it('Seedance inputs are always mute and only use the allowed values', () => {
    const i2v = seedanceImageToVideoInput({ imageUrl: 'https://x.test/a.png' });
    const t2v = seedanceTextToVideoInput({ prompt: 'p', aspectRatio: '21:9', durationSeconds: 10 });
    expect(i2v).toMatchObject({
      generate_audio: false,
      duration: '5',
      aspect_ratio: 'auto',
      resolution: '1080p',
      prompt: expect.any(String),
    });
    expect(t2v).toMatchObject({ generate_audio: false, duration: '10', aspect_ratio: '21:9', resolution: '1080p' });
    expect(validateInput('fal-ai/bytedance/seedance/v1/pro/image-to-video', i2v).ok).toBe(true);
    expect(validateInput('fal-ai/bytedance/seedance/v1/pro/text-to-video', t2v).ok).toBe(true);
  });

  it('refuses a duration other than 5 or 10 s before anything is submitted', () => {
    expect([5, 10].map(isSeedanceDuration)).toEqual([true, true]);
    expect([0, 6, 7.5, '5', undefined].map(isSeedanceDuration)).toEqual([false, false, false, false, false]);
    expect(seedanceDurationSchema.safeParse(6).success).toBe(false);
    expect(() => seedanceTextToVideoInput({ prompt: 'p', durationSeconds: 6 as SeedanceDuration })).toThrow(/duration/);
    expect(() => seedanceImageToVideoInput({ imageUrl: 'https://x.test/a.png', aspectRatio: '2:1' as never })).toThrow(
      /aspect ratio/,
    );
  });
});

describe('result parsers', () => {
  it('parse fal payloads', () => {
    const flux = parseFluxResult({
      images: [{ url: 'https://cdn/x.png', width: 1024, height: 768, content_type: 'image/png' }],
      has_nsfw_concepts: [true],
      seed: 1,
    });
    expect(flux).toEqual({
      ok: true,
      value: {
        images: [{ url: 'https://cdn/x.png', width: 1024, height: 768, contentType: 'image/png' }],
        nsfw: [true],
        seed: 1,
      },
    });
    expect(parseFluxResult({ images: [{ url: 'u', width: 1, height: 1 }] })).toMatchObject({
      ok: true,
      value: { nsfw: [false], images: [{ contentType: 'image/jpeg' }] },
    });
    expect(parseSeedanceResult({ video: { url: 'https://cdn/v.mp4', content_type: 'video/mp4' }, seed: 3 })).toEqual({
      ok: true,
      value: { videoUrl: 'https://cdn/v.mp4', seed: 3 },
    });
  });

  it('need only what fal marks required: images[].url, video.url', () => {
    expect(parseFluxResult({ images: [{ url: 'https://cdn/x.png' }] })).toEqual({
      ok: true,
      value: { images: [{ url: 'https://cdn/x.png', contentType: 'image/jpeg' }], nsfw: [false] },
    });
    expect(parseFluxResult({ images: [{ url: 'u', width: null, height: null, content_type: null }] })).toMatchObject({
      ok: true,
    });
    expect(parseSeedanceResult({ video: { url: 'https://cdn/v.mp4' } })).toEqual({
      ok: true,
      value: { videoUrl: 'https://cdn/v.mp4' },
    });
  });

  it('turn an unexpected payload into a readable error, never a crash', () => {
    expect(parseFluxResult(null)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unexpected FLUX result'),
    });
    expect(parseFluxResult({ images: [] })).toMatchObject({ ok: false, error: expect.stringContaining('no image') });
    expect(parseFluxResult({ images: [{ url: 'u', width: 'big', height: 1 }] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('images.0.width'),
    });
    expect(parseSeedanceResult({ video: {} })).toMatchObject({
      ok: false,
      error: expect.stringContaining('video.url'),
    });
    expect(parseSeedanceResult('oops')).toMatchObject({ ok: false });
  });
});
