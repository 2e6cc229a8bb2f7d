// MP4 post-processing for the emulated video models: a silent audio track when asked, padding to a size,
// and the per-emulator cache of rendered videos.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from '../media/ffmpeg.ts';

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'fal-emulator-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Adds a silent AAC track, as audio-generating video models would. */
export async function withSilentAudio(mp4: Buffer): Promise<Buffer> {
  return withTempDir(async (dir) => {
    await writeFile(join(dir, 'in.mp4'), mp4);
    await runFfmpeg([
      '-y',
      '-i',
      join(dir, 'in.mp4'),
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=44100:cl=stereo',
      '-shortest',
      '-c:v',
      'copy',
      '-c:a',
      'aac',
      '-movflags',
      '+faststart',
      join(dir, 'out.mp4'),
    ]);
    return readFile(join(dir, 'out.mp4'));
  });
}

/** Grows an MP4 to about `bytes` with a trailing ISO BMFF `free` box, which every reader skips. */
export function padMp4(mp4: Buffer, bytes: number | null): Buffer {
  const missing = bytes === null ? 0 : Math.min(bytes - mp4.length, 0xffff_ffff);
  if (missing < 8) return mp4;
  const box = Buffer.alloc(missing);
  box.writeUInt32BE(missing, 0);
  box.write('free', 4, 'latin1');
  return Buffer.concat([mp4, box]);
}

// fal renders on its own machines; the emulator renders on ours. The same input renders the same video,
// so it is made once: many generations from one reference (benchmarks) do not eat the server's CPU.
// Padded once per rendered video and size: results are never written to, so jobs can share the bytes.
export interface RenderCache {
  videos: Map<string, Promise<Buffer>>;
  padded: WeakMap<Buffer, Map<number | null, Buffer>>;
}
export const createRenderCache = (): RenderCache => ({ videos: new Map(), padded: new WeakMap() });

export function paddedOnce(mp4: Buffer, bytes: number | null, padded: RenderCache['padded']): Buffer {
  let sizes = padded.get(mp4);
  if (!sizes) padded.set(mp4, (sizes = new Map<number | null, Buffer>()));
  let out = sizes.get(bytes);
  if (!out) sizes.set(bytes, (out = padMp4(mp4, bytes)));
  return out;
}
