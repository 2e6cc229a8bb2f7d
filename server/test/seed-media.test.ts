import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/media/ffmpeg.ts';
import { extractFrameJpeg, imageToMp4, renderPortraitPng } from '../src/media/render.ts';

async function probe(mp4: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seed-media-test-'));
  try {
    const file = join(dir, 'v.mp4');
    await writeFile(file, mp4);
    const { stderr } = await runFfmpeg(['-i', file, '-f', 'null', '-'], 20_000);
    return stderr;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('seed media', () => {
  it('renders the portrait as a 512x512 PNG', async () => {
    const png = await renderPortraitPng({ title: 'Camille — Médical', subtitle: 'Femme · Adulte', hue: 210 });
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([512, 512]);
    const { channels } = await sharp(png).stats();
    // A gradient, not a flat fill.
    expect(channels[0]!.max - channels[0]!.min).toBeGreaterThan(50);
  });

  it('escapes markup in the title', async () => {
    const png = await renderPortraitPng({ title: 'A & B <C>', hue: 0, width: 256, height: 128 });
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([256, 128]);
  });

  it('turns the portrait into a mute H.264 MP4 whose frames change, and extracts a JPEG frame', async () => {
    const png = await renderPortraitPng({ title: 'Hugo — Tech', hue: 120 });
    const mp4 = await imageToMp4(png, { seconds: 2 });

    expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const text = mp4.toString('latin1');
    expect(text).toContain('avc1');
    expect(text.indexOf('moov')).toBeLessThan(text.indexOf('mdat')); // +faststart

    const info = await probe(mp4);
    expect(info).toMatch(/Video: h264/);
    expect(info).toMatch(/yuv420p/);
    expect(info).toMatch(/512x512/);
    expect(info).not.toMatch(/Audio:/);

    const first = await extractFrameJpeg(mp4, 0);
    const last = await extractFrameJpeg(mp4, 1.9);
    for (const jpg of [first, last]) {
      expect(jpg.subarray(0, 2).toString('hex')).toBe('ffd8');
      const meta = await sharp(jpg).metadata();
      expect(meta.format).toBe('jpeg');
      expect([meta.width, meta.height]).toEqual([512, 512]);
    }
    const [a, b] = await Promise.all([first, last].map((j) => sharp(j).raw().toBuffer()));
    expect(a!.equals(b!)).toBe(false);
  });

  it('rejects with the ffmpeg error when there is no frame to extract', async () => {
    await expect(extractFrameJpeg(Buffer.from('not a video'))).rejects.toThrow(/ffmpeg exited/);
  });
});
