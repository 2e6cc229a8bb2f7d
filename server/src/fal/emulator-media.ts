// What the emulated models produce: real PNG/JPEG images and real mute H.264 MP4s, with fal's payload shapes.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { imageToMp4, renderPortraitPng } from '../media/render.ts';
import {
  FLUX_PRESETS,
  type FluxImageToImageArgs,
  type FluxKontextArgs,
  type FluxTextToImageArgs,
  type SeedanceImageToVideoArgs,
  type SeedanceTextToVideoArgs,
  type ValidationDetail,
} from './emulator-inputs.ts';
import { paddedOnce, withSilentAudio, type RenderCache } from './emulator-mp4.ts';

export { createRenderCache, padMp4, type RenderCache } from './emulator-mp4.ts';

export interface MediaFile {
  data: Buffer;
  contentType: string;
  ext: string;
}

export interface MediaContext {
  /** Keeps `file` and answers the URL it is served at. */
  store(file: MediaFile): string;
  videoHeight: number;
  videoFps: number;
  videoBytes: number | null;
  /** The emulator's own render cache (createRenderCache), one per emulator. */
  renders: RenderCache;
}

/** A request that fails the way a model does: fal answers its status code with FastAPI-style details. */
export class JobError extends Error {
  constructor(
    readonly status: number,
    readonly detail: ValidationDetail[],
    readonly errorType = 'validation_error',
  ) {
    super(detail.map((d) => d.msg).join('; '));
  }
}

const INPUT_FETCH_TIMEOUT_MS = 30_000;
const INPUT_MAX_BYTES = 50 * 1024 * 1024;
const RESOLUTION_HEIGHT = { '480p': 480, '720p': 720, '1080p': 1080 } as const;

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

function hueOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h % 360;
}

export const hasTag = (prompt: unknown, tag: string) =>
  typeof prompt === 'string' && prompt.toLowerCase().includes(`[${tag}]`);

async function fetchInputImage(url: string, field: string): Promise<{ data: Buffer; width: number; height: number }> {
  const failure = (msg: string, type: string) => new JobError(422, [{ loc: ['body', field], msg, type }]);
  let data: Buffer;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(INPUT_FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    data = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw failure(`Failed to download the file from ${clip(url, 120)}: ${(e as Error).message}`, 'file_download_error');
  }
  if (data.length > INPUT_MAX_BYTES) throw failure('The file is too large', 'file_too_large');
  try {
    // Apply EXIF orientation once so width/height are the ones a viewer sees.
    const { data: upright, info } = await sharp(data).rotate().toBuffer({ resolveWithObject: true });
    return { data: upright, width: info.width, height: info.height };
  } catch {
    throw failure('Unsupported or corrupted image', 'image_load_error');
  }
}

async function encode(image: sharp.Sharp, format: 'png' | 'jpeg'): Promise<MediaFile> {
  return format === 'png'
    ? { data: await image.png().toBuffer(), contentType: 'image/png', ext: 'png' }
    : { data: await image.jpeg({ quality: 90 }).toBuffer(), contentType: 'image/jpeg', ext: 'jpg' };
}

function fluxPayload(
  ctx: MediaContext,
  files: { file: MediaFile; width: number; height: number }[],
  nsfw: boolean[],
  prompt: string,
  seed: number,
  started: number,
) {
  return {
    images: files.map(({ file, width, height }) => ({
      url: ctx.store(file),
      width,
      height,
      content_type: file.contentType,
    })),
    timings: { inference: (Date.now() - started) / 1000 },
    seed,
    has_nsfw_concepts: nsfw,
    prompt,
  };
}

export async function fluxTextToImage(args: FluxTextToImageArgs, ctx: MediaContext) {
  const started = Date.now();
  const { width, height } = typeof args.image_size === 'string' ? FLUX_PRESETS[args.image_size]! : args.image_size;
  const seed = args.seed ?? randomSeed();
  const nsfw = hasTag(args.prompt, 'nsfw');
  const files = [];
  for (let n = 0; n < args.num_images; n++) {
    const png = await renderPortraitPng({
      title: clip(args.prompt, 80),
      subtitle: 'FLUX dev · fal emulator',
      hue: hueOf(args.prompt) + n * 40 + (seed % 7),
      width,
      height,
    });
    // fal's safety checker blacks out flagged images.
    const image =
      nsfw && args.enable_safety_checker
        ? sharp({ create: { width, height, channels: 3, background: '#000' } })
        : sharp(png);
    files.push({ file: await encode(image, args.output_format), width, height });
  }
  return fluxPayload(
    ctx,
    files,
    files.map(() => nsfw),
    args.prompt,
    seed,
    started,
  );
}

function captionSvg(text: string, width: number, height: number): Buffer {
  const band = Math.max(24, Math.round(height * 0.12));
  const size = Math.min(band * 0.45, (width * 0.92) / Math.max(1, text.length * 0.55));
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect y="${height - band}" width="${width}" height="${band}" fill="#000" fill-opacity="0.55"/>
  <text x="${width / 2}" y="${height - band / 2}" dominant-baseline="middle" text-anchor="middle"
    font-family="sans-serif" font-size="${size}" fill="#fff">${escapeXml(text)}</text>
</svg>`);
}

export async function fluxImageToImage(args: FluxImageToImageArgs, ctx: MediaContext) {
  const started = Date.now();
  const source = await fetchInputImage(args.image_url, 'image_url');
  const { width, height } = source;
  const seed = args.seed ?? randomSeed();
  const nsfw = hasTag(args.prompt, 'nsfw');
  const files = [];
  for (let n = 0; n < args.num_images; n++) {
    const edited =
      nsfw && args.enable_safety_checker
        ? sharp({ create: { width, height, channels: 3, background: '#000' } })
        : sharp(source.data)
            .modulate({
              hue: Math.round(40 + 140 * args.strength) + n * 30,
              saturation: 1 + 0.5 * args.strength,
              brightness: 1.05,
            })
            .composite([{ input: captionSvg(clip(args.prompt, 90), width, height) }]);
    files.push({ file: await encode(edited, args.output_format), width, height });
  }
  return fluxPayload(
    ctx,
    files,
    files.map(() => nsfw),
    args.prompt,
    seed,
    started,
  );
}

const ratioOf = (r: string) => {
  const [w, h] = r.split(':').map(Number);
  return w! / h!;
};

/** Kontext follows the instruction, not a strength; with `aspect_ratio` it reframes, else it keeps the input's. */
export async function fluxKontext(args: FluxKontextArgs, ctx: MediaContext) {
  const started = Date.now();
  const source = await fetchInputImage(args.image_url, 'image_url');
  const ratio = args.aspect_ratio ? ratioOf(args.aspect_ratio) : source.width / source.height;
  const long = Math.max(source.width, source.height);
  const [width, height] = ratio >= 1 ? [long, even(long / ratio)] : [even(long * ratio), long];
  const seed = args.seed ?? randomSeed();
  // Tolerance 1 is the strictest, 6 the most permissive: flagged images are blacked out below 5.
  const nsfw = hasTag(args.prompt, 'nsfw');
  const blackOut = nsfw && Number(args.safety_tolerance) < 5;
  const files = [];
  for (let n = 0; n < args.num_images; n++) {
    const edited = blackOut
      ? sharp({ create: { width, height, channels: 3, background: '#000' } })
      : sharp(source.data)
          .resize(width, height, { fit: 'cover' })
          .tint({ r: 90 + ((seed + n * 50) % 160), g: 120, b: 200 })
          .composite([{ input: captionSvg(clip(`Kontext: ${args.prompt}`, 90), width, height) }]);
    files.push({ file: await encode(edited, args.output_format), width, height });
  }
  return fluxPayload(
    ctx,
    files,
    files.map(() => nsfw),
    args.prompt,
    seed,
    started,
  );
}

const RENDER_CACHE_SIZE = 32;

function render(
  frame: Buffer,
  width: number,
  height: number,
  args: SeedanceTextToVideoArgs | SeedanceImageToVideoArgs,
  ctx: MediaContext,
): Promise<Buffer> {
  const key = [
    createHash('sha256').update(frame).digest('hex'),
    width,
    height,
    args.duration,
    ctx.videoFps,
    args.generate_audio,
  ].join(':');
  const renders = ctx.renders.videos;
  let mp4 = renders.get(key);
  if (!mp4) {
    mp4 = (async () => {
      const fitted = await sharp(frame)
        .resize(width * 2, height * 2, { fit: 'cover' })
        .png()
        .toBuffer();
      const video = await imageToMp4(fitted, { seconds: Number(args.duration), width, height, fps: ctx.videoFps });
      return args.generate_audio ? withSilentAudio(video) : video;
    })();
    mp4.catch(() => renders.delete(key));
    renders.set(key, mp4);
    if (renders.size > RENDER_CACHE_SIZE) renders.delete(renders.keys().next().value!);
  }
  return mp4;
}

async function videoPayload(
  frame: Buffer,
  ratio: number,
  args: SeedanceTextToVideoArgs | SeedanceImageToVideoArgs,
  ctx: MediaContext,
) {
  const height = even(Math.min(RESOLUTION_HEIGHT[args.resolution], ctx.videoHeight));
  const width = even(height * ratio);
  const mp4 = paddedOnce(await render(frame, width, height, args, ctx), ctx.videoBytes, ctx.renders.padded);
  const url = ctx.store({ data: mp4, contentType: 'video/mp4', ext: 'mp4' });
  return {
    video: { url, content_type: 'video/mp4', file_name: url.split('/').pop()!, file_size: mp4.length },
    seed: args.seed ?? randomSeed(),
  };
}

export async function seedanceImageToVideo(args: SeedanceImageToVideoArgs, ctx: MediaContext) {
  const source = await fetchInputImage(args.image_url, 'image_url');
  const ratio = args.aspect_ratio === 'auto' ? source.width / source.height : ratioOf(args.aspect_ratio);
  return videoPayload(source.data, ratio, args, ctx);
}

export async function seedanceTextToVideo(args: SeedanceTextToVideoArgs, ctx: MediaContext) {
  const ratio = ratioOf(args.aspect_ratio);
  const height = 720;
  const frame = await renderPortraitPng({
    title: clip(args.prompt, 80),
    subtitle: 'Seedance text-to-video · fal emulator',
    hue: hueOf(args.prompt),
    width: even(height * ratio),
    height,
  });
  return videoPayload(frame, ratio, args, ctx);
}
