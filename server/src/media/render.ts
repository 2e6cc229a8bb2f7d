import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { runFfmpeg } from './ffmpeg.ts';

export interface PortraitOptions {
  title: string;
  subtitle?: string;
  /** Base colour, degrees on the HSL wheel. */
  hue: number;
  width?: number;
  height?: number;
}

export interface VideoOptions {
  seconds?: number;
  width?: number;
  height?: number;
  fps?: number;
}

const FFMPEG_TIMEOUT_MS = 60_000;

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const hsl = (h: number, s: number, l: number) => `hsl(${((Math.round(h) % 360) + 360) % 360}, ${s}%, ${l}%)`;

// libx264 with yuv420p needs even dimensions.
const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

export function portraitSvg({ title, subtitle, hue, width = 512, height = 512 }: PortraitOptions): string {
  const w = width;
  const h = height;
  const u = Math.min(w, h);
  const cx = w / 2;
  const x = (f: number) => cx + f * u;
  const y = (f: number) => f * h;
  const bandY = h * 0.78;
  // No font metrics here: shrink long titles by an average glyph width so they stay inside the frame.
  const titleSize = Math.min(u * 0.07, (w * 0.9) / Math.max(1, title.length * 0.6));
  const silhouette = hsl(hue + 200, 25, 16);
  const sub = subtitle
    ? `<text x="${cx}" y="${h * 0.945}" font-family="sans-serif" font-size="${u * 0.045}" fill="#ffffff"
    fill-opacity="0.85" text-anchor="middle">${escapeXml(subtitle)}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${hsl(hue, 70, 66)}"/>
      <stop offset="1" stop-color="${hsl(hue + 40, 60, 30)}"/>
    </linearGradient>
    <radialGradient id="glow" cx="0.5" cy="0.38" r="0.45">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/>
      <stop offset="1" stop-color="#ffffff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#bg)"/>
  <rect width="${w}" height="${h}" fill="url(#glow)"/>
  <g fill="${silhouette}" opacity="0.9">
    <path d="M ${x(-0.36)} ${h} C ${x(-0.36)} ${y(0.7)} ${x(-0.22)} ${y(0.62)} ${x(-0.1)} ${y(0.61)}
      L ${x(0.1)} ${y(0.61)} C ${x(0.22)} ${y(0.62)} ${x(0.36)} ${y(0.7)} ${x(0.36)} ${h} Z"/>
    <rect x="${x(-0.05)}" y="${y(0.45)}" width="${u * 0.1}" height="${y(0.18)}" rx="${u * 0.02}"/>
    <ellipse cx="${cx}" cy="${y(0.36)}" rx="${u * 0.115}" ry="${u * 0.14}"/>
  </g>
  <rect y="${bandY}" width="${w}" height="${h - bandY}" fill="#000000" fill-opacity="0.45"/>
  <text x="${cx}" y="${h * (subtitle ? 0.87 : 0.9)}" font-family="sans-serif" font-weight="bold"
    font-size="${titleSize}" fill="#ffffff" text-anchor="middle">${escapeXml(title)}</text>
  ${sub}
</svg>`;
}

/** A placeholder portrait: gradient from `hue`, a bust silhouette, the title and subtitle. */
export async function renderPortraitPng(opts: PortraitOptions): Promise<Buffer> {
  const width = opts.width ?? 512;
  const height = opts.height ?? 512;
  return sharp(Buffer.from(portraitSvg({ ...opts, width, height })))
    .resize(width, height)
    .png()
    .toBuffer();
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-media-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A mute H.264 MP4 of `png` slowly zooming in, so consecutive frames differ. */
export async function imageToMp4(png: Buffer, opts: VideoOptions = {}): Promise<Buffer> {
  const seconds = opts.seconds ?? 3;
  const fps = opts.fps ?? 24;
  const width = even(opts.width ?? 512);
  const height = even(opts.height ?? 512);
  const frames = Math.max(1, Math.round(seconds * fps));
  return withTempDir(async (dir) => {
    const input = join(dir, 'in.png');
    const output = join(dir, 'out.mp4');
    await writeFile(input, png);
    // zoompan rounds its crop origin to whole pixels; working at 2x halves the visible jitter.
    const filter = [
      `scale=${width * 2}:${height * 2}`,
      `zoompan=z='1+0.06*on/${frames}':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'` +
        `:d=${frames}:s=${width}x${height}:fps=${fps}`,
      'format=yuv420p',
    ].join(',');
    await runFfmpeg(
      [
        '-y',
        '-i',
        input,
        '-vf',
        filter,
        '-frames:v',
        String(frames),
        '-an',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-tune',
        'stillimage',
        '-crf',
        '26',
        '-pix_fmt',
        'yuv420p',
        '-movflags',
        '+faststart',
        output,
      ],
      FFMPEG_TIMEOUT_MS,
    );
    return readFile(output);
  });
}

/** One frame of `mp4` at `atSeconds` as a JPEG (b-roll thumbnails). */
export async function extractFrameJpeg(mp4: Buffer, atSeconds = 0.5): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const input = join(dir, 'in.mp4');
    await writeFile(input, mp4);
    const { stdout } = await runFfmpeg(
      [
        '-ss',
        String(Math.max(0, atSeconds)),
        '-i',
        input,
        '-frames:v',
        '1',
        '-an',
        // The mjpeg encoder wants full-range YUV; H.264 sources are usually limited range.
        '-vf',
        'format=yuvj420p',
        '-c:v',
        'mjpeg',
        '-q:v',
        '3',
        '-f',
        'image2pipe',
        'pipe:1',
      ],
      FFMPEG_TIMEOUT_MS,
    );
    if (stdout.length === 0) throw new Error(`no frame at ${atSeconds} s`);
    return stdout;
  });
}
