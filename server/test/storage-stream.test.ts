// Streaming a provider's result into the bucket: the real S3 server of the tests, a real HTTP "CDN".
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DownloadError, openDownload } from '../src/generation/download.ts';
import { createS3Storage, type Storage } from '../src/storage/storage.ts';

let cdn: Server;
let base: string;
let storage: Storage;
const video = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), randomBytes(3 * 1024 * 1024)]);

beforeAll(async () => {
  cdn = createServer((req, res) => {
    if (req.url === '/video.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length });
      // In pieces, as a CDN sends it.
      let at = 0;
      const next = () => {
        if (at >= video.length) return res.end();
        res.write(video.subarray(at, (at += 256 * 1024)), next);
      };
      next();
    } else if (req.url === '/short.mp4') {
      // Declares more than it sends, then drops the connection.
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length });
      res.write(video.subarray(0, 1024 * 1024), () => res.destroy());
    } else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => cdn.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  storage = createS3Storage({
    endpoint: inject('s3Endpoint'),
    accessKey: inject('s3AccessKey'),
    secretKey: inject('s3SecretKey'),
    region: 'us-east-1',
    bucket: `stream-${randomBytes(4).toString('hex')}`,
  });
  await storage.ensureBucket();
});

afterAll(async () => {
  cdn.closeAllConnections();
  await new Promise((ok) => cdn.close(ok));
});

describe('streaming a result into the bucket', () => {
  it('stores exactly the downloaded bytes, the first ones seen before the copy starts', async () => {
    const d = await openDownload(`${base}/video.mp4`, { maxBytes: 10 * 1024 * 1024 });
    expect(d.size).toBe(video.length);
    expect(d.head.subarray(4, 8).toString('latin1')).toBe('ftyp');
    await storage.putStream('videos/stream/ok.mp4', d.body, d.size!, 'video/mp4');
    expect(await storage.stat('videos/stream/ok.mp4')).toEqual({ size: video.length, contentType: 'video/mp4' });
    expect((await storage.get('videos/stream/ok.mp4')).equals(video)).toBe(true);
  });

  it('refuses a result over the cap before reading it', async () => {
    await expect(openDownload(`${base}/video.mp4`, { maxBytes: 1024 })).rejects.toSatisfy(
      (e) => e instanceof DownloadError && !e.transient,
    );
  });

  it('fails with a transient download error, and stores nothing, when the result is cut short', async () => {
    const d = await openDownload(`${base}/short.mp4`, { maxBytes: 10 * 1024 * 1024 });
    const put = storage.putStream('videos/stream/short.mp4', d.body, d.size!, 'video/mp4');
    await expect(put).rejects.toSatisfy((e) => e instanceof DownloadError && e.transient);
    expect(await storage.stat('videos/stream/short.mp4')).toBeNull();
  });

  it('answers 404 as a permanent failure', async () => {
    await expect(openDownload(`${base}/missing.mp4`, { maxBytes: 1024 })).rejects.toSatisfy(
      (e) => e instanceof DownloadError && !e.transient,
    );
  });
});
