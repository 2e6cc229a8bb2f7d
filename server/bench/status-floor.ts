// bench:status: the floor under webhook → event on this machine. The one step no design can leave out of
// it is the video's copy (fal's URLs expire, the event must name our copy): here it runs alone, with the
// app's own download and upload code, against the same peers' process, with the app idle. Once at the
// moments the run's webhooks arrived (what the run would measure if the app did nothing but copy), once
// for a whole burst sent at the same instant (the worst case of a round).
import { setTimeout as sleep } from 'node:timers/promises';
import { openDownload } from '../src/generation/download.ts';
import type { Storage } from '../src/storage/storage.ts';
import { fmt } from './status-phases.ts';

export async function copyFloor(
  peers: { emulatorUrl: string },
  storage: Storage,
  videoBytes: number,
  webhookMoments: number[],
  burst: number,
): Promise<{ atWebhooks: string; atOnce: string }> {
  // A video in the emulator's file store, as its results are: uploaded through fal's storage API.
  const initiated = await fetch(`${peers.emulatorUrl}/storage/upload/initiate`, {
    method: 'POST',
    headers: { authorization: 'Key bench', 'content-type': 'application/json' },
    body: JSON.stringify({ content_type: 'video/mp4', file_name: 'floor.mp4' }),
  });
  const { upload_url: uploadUrl, file_url: fileUrl } = (await initiated.json()) as {
    upload_url: string;
    file_url: string;
  };
  const video = Buffer.alloc(videoBytes);
  video.write('\0\0\0\x18ftypisom', 'latin1');
  await fetch(uploadUrl, { method: 'PUT', body: video });
  let n = 0;
  const copy = async () => {
    const started = Date.now();
    const d = await openDownload(fileUrl, { maxBytes: videoBytes + 1 });
    await storage.putStream(`bench-floor/${n++}.mp4`, d.body, d.size ?? videoBytes, 'video/mp4');
    return Date.now() - started;
  };
  for (let i = 0; i < 10; i++) await copy();

  const sorted = [...webhookMoments].sort((a, b) => a - b);
  const t0 = Date.now() + 100 - (sorted[0] ?? 0);
  const atWebhooks = await Promise.all(
    sorted.map(async (at) => {
      await sleep(Math.max(0, t0 + at - Date.now()));
      return copy();
    }),
  );
  const atOnce: number[] = [];
  for (let round = 0; round < 5; round++) {
    atOnce.push(...(await Promise.all(Array.from({ length: burst }, copy))));
    await sleep(300);
  }
  await storage.remove(Array.from({ length: n }, (_, i) => `bench-floor/${i}.mp4`));
  return { atWebhooks: fmt(atWebhooks), atOnce: fmt(atOnce) };
}
