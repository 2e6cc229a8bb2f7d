import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from '../../src/media/ffmpeg.ts';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  requestId: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The HTTP status to answer each delivery with (default 200). */
  respondWith: () => number;
  waitFor(requestId: string, count?: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  stop(): Promise<void>;
}

export async function until<T>(fn: () => T | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A real HTTP endpoint standing in for the app's /webhooks/fal. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received,
    respondWith: () => 200,
    waitFor: (requestId, count = 1, timeoutMs = 20_000) =>
      until(
        () => {
          const hits = received.filter((r) => r.requestId === requestId);
          return hits.length >= count && hits;
        },
        timeoutMs,
        `${count} webhook(s) for ${requestId}`,
      ),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = receiver.respondWith();
      if (status >= 200 && status < 300) {
        received.push({
          headers: req.headers,
          raw: Buffer.concat(chunks),
          requestId: String(req.headers['x-fal-webhook-request-id']),
        });
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/fal`;
  return receiver;
}

/** ffmpeg's description of a media file (streams, duration), from its stderr. */
export async function describeMedia(data: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fal-test-'));
  try {
    await writeFile(join(dir, 'media'), data);
    const { stderr } = await runFfmpeg(['-i', join(dir, 'media'), '-map', '0', '-c', 'copy', '-f', 'null', '-']);
    return stderr;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function download(url: string): Promise<{ status: number; type: string | null; data: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), data: Buffer.from(await res.arrayBuffer()) };
}
