// The embedded S3 server (the one `npm start` runs, here the tests' own) serves signed requests only:
// its address is in every presigned URL, so an unsigned request must read or write nothing.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedS3 } from '../src/embedded/s3.ts';
import { createS3Storage, type Storage } from '../src/storage/storage.ts';

const endpoint = () => inject('s3Endpoint');
const bucket = `private-${randomBytes(4).toString('hex')}`;
let storage: Storage;

beforeAll(async () => {
  storage = createS3Storage({
    endpoint: endpoint(),
    accessKey: inject('s3AccessKey'),
    secretKey: inject('s3SecretKey'),
    region: 'us-east-1',
    bucket,
  });
  await storage.ensureBucket();
  await storage.put('avatars/private/u1/a1.mp4', Buffer.from('private video bytes'), 'video/mp4');
});

describe('embedded S3', () => {
  it('refuses unsigned listing, reading and writing (403) and writes nothing', async () => {
    const list = await fetch(`${endpoint()}/${bucket}?list-type=2`);
    expect(list.status).toBe(403);
    expect(await list.text()).not.toContain('avatars/private');
    const buckets = await fetch(`${endpoint()}/`);
    expect(buckets.status).toBe(403);
    const read = await fetch(`${endpoint()}/${bucket}/avatars/private/u1/a1.mp4`);
    expect(read.status).toBe(403);
    expect(await read.text()).not.toContain('private video bytes');
    const write = await fetch(`${endpoint()}/${bucket}/avatars/private/u1/planted.mp4`, {
      method: 'PUT',
      body: 'planted',
    });
    expect(write.status).toBe(403);
    const remove = await fetch(`${endpoint()}/${bucket}/avatars/private/u1/a1.mp4`, { method: 'DELETE' });
    expect(remove.status).toBe(403);
    expect(await storage.stat('avatars/private/u1/planted.mp4')).toBeNull();
    expect(await storage.stat('avatars/private/u1/a1.mp4')).not.toBeNull();
  });

  it('refuses a request signed with a wrong secret or with s3rver’s published key pair', async () => {
    for (const [accessKey, secretKey] of [
      [inject('s3AccessKey'), 'not-the-secret'],
      ['S3RVER', 'S3RVER'],
    ] as const) {
      const wrong = createS3Storage({
        endpoint: endpoint(),
        accessKey,
        secretKey,
        region: 'us-east-1',
        bucket,
        timeoutMs: 5_000,
      });
      await expect(wrong.get('avatars/private/u1/a1.mp4')).rejects.toThrow();
      await expect(wrong.put('avatars/private/u1/forged.mp4', Buffer.from('x'), 'video/mp4')).rejects.toThrow();
      const forgedUrl = await wrong.presignGet('avatars/private/u1/a1.mp4');
      expect((await fetch(forgedUrl)).status).toBe(403);
    }
    expect(await storage.stat('avatars/private/u1/forged.mp4')).toBeNull();
  });

  it('serves presigned GETs and PUTs, as the browser uses them, and CORS preflights', async () => {
    const get = await fetch(await storage.presignGet('avatars/private/u1/a1.mp4'));
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('private video bytes');
    const putUrl = await storage.presignPut('images/temp-generated/u1/upload.png');
    const put = await fetch(putUrl, {
      method: 'PUT',
      body: 'uploaded bytes',
      headers: { 'content-type': 'image/png' },
    });
    expect(put.status).toBe(200);
    expect((await storage.get('images/temp-generated/u1/upload.png')).toString()).toBe('uploaded bytes');
    // A URL whose signature was tampered with (another key) is refused.
    const tampered = new URL(putUrl);
    tampered.pathname = tampered.pathname.replace('upload.png', 'other.png');
    expect((await fetch(tampered, { method: 'PUT', body: 'x' })).status).toBe(403);
    const preflight = await fetch(putUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4000',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(200);
  });

  it('keeps its secret under the data directory (0600) across restarts, unless one is given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'better-ads-s3-secret-'));
    try {
      const first = await startEmbeddedS3(dir);
      await first.stop();
      const second = await startEmbeddedS3(dir);
      await second.stop();
      expect(second.secretKey).toBe(first.secretKey);
      expect(second.accessKey).toBe(first.accessKey);
      expect(first.secretKey).not.toBe('S3RVER');
      expect((await readFile(join(dir, 's3-secret'), 'utf8')).trim()).toBe(first.secretKey);
      expect((await stat(join(dir, 's3-secret'))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
