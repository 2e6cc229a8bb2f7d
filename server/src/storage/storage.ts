import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'minio';

export interface ObjectInfo {
  size: number;
  contentType: string | undefined;
}

/** Our only door to object storage. Keys are always built by the server (see ./keys.ts). */
export interface Storage {
  readonly bucket: string;
  ensureBucket(): Promise<void>;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Stores a body of known size as it arrives (nothing held in memory); fails if it is not exactly `size` bytes. */
  putStream(key: string, body: Readable, size: number, contentType: string): Promise<void>;
  get(key: string, maxBytes?: number): Promise<Buffer>;
  /** The object's bytes as they arrive. */
  getStream(key: string): Promise<Readable>;
  /**
   * Stores a body of unknown size as an S3 multipart upload, one part (`partBytes`, ≥ 5 MiB) in memory at a
   * time; on failure the upload is aborted and nothing is stored. Resolves to the bytes stored.
   */
  putMultipart(key: string, body: AsyncIterable<Buffer>, contentType: string, partBytes?: number): Promise<number>;
  stat(key: string): Promise<ObjectInfo | null>;
  copy(fromKey: string, toKey: string): Promise<void>;
  remove(keys: string[]): Promise<void>;
  list(prefix: string): Promise<string[]>;
  /** Keys with their last-modified time, for sweeps by age. */
  listWithDates(prefix: string): Promise<{ key: string; lastModified: Date }[]>;
  presignGet(key: string, ttlSeconds?: number): Promise<string>;
  presignPut(key: string, ttlSeconds?: number): Promise<string>;
  /** A presigned GET whose answer carries this Content-Disposition (S3's response-content-disposition). */
  presignDownload(key: string, contentDisposition: string, ttlSeconds?: number): Promise<string>;
  ping(): Promise<boolean>;
}

export interface S3Settings {
  endpoint: string;
  publicEndpoint?: string | undefined;
  accessKey: string;
  secretKey: string;
  region: string;
  bucket: string;
  timeoutMs?: number;
}

export const PRESIGN_TTL_SECONDS = 15 * 60;
/** S3's smallest part but the last. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/**
 * GET URLs are signed as of the start of a 5-minute window (and valid `ttl` past now all the same): the same
 * object gets the same URL within it, so a catalog answer keeps its bytes and its ETag across recomputes.
 */
const SIGNING_WINDOW_MS = 5 * 60_000;
const signedAt = (now = Date.now()) => new Date(now - (now % SIGNING_WINDOW_MS));

export class StorageError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

function clientFor(endpoint: string, s: S3Settings): Client {
  const url = new URL(endpoint);
  return new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    useSSL: url.protocol === 'https:',
    accessKey: s.accessKey,
    secretKey: s.secretKey,
    region: s.region,
    pathStyle: true,
  });
}

export function createS3Storage(s: S3Settings): Storage {
  const client = clientFor(s.endpoint, s);
  // Presigned URLs are signed for the host the browser will use, which may differ from ours.
  const signer = s.publicEndpoint ? clientFor(s.publicEndpoint, s) : client;
  const timeoutMs = s.timeoutMs ?? 15_000;
  const bucket = s.bucket;

  async function timed<T>(what: string, p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new StorageError(`storage ${what} timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([p, timeout]);
    } catch (e) {
      if (e instanceof StorageError) throw e;
      throw new StorageError(`storage ${what} failed: ${(e as Error).message}`, e);
    } finally {
      clearTimeout(timer);
    }
  }

  const isMissing = (e: unknown) => {
    const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    return code === 'NotFound' || code === 'NoSuchKey';
  };

  const listWithDates = (prefix: string) =>
    timed(
      'list',
      (async () => {
        const out: { key: string; lastModified: Date }[] = [];
        for await (const item of client.listObjectsV2(bucket, prefix, true)) {
          const { name, lastModified } = item as { name?: string; lastModified?: Date };
          if (name) out.push({ key: name, lastModified: lastModified ? new Date(lastModified) : new Date() });
        }
        return out;
      })(),
    );

  return {
    bucket,
    async ensureBucket() {
      const exists = await timed('bucketExists', client.bucketExists(bucket));
      if (!exists) await timed('makeBucket', client.makeBucket(bucket, s.region));
      // Browsers PUT uploads to (and read media from) presigned URLs on another origin: allow it.
      // Best effort: MinIO has no bucket CORS API (it allows every origin already).
      const cors =
        '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>' +
        '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>' +
        '<MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule></CORSConfiguration>';
      const md5 = createHash('md5').update(cors).digest('base64');
      await timed(
        'putBucketCors',
        client.makeRequestAsyncOmit(
          { method: 'PUT', bucketName: bucket, query: 'cors', headers: { 'Content-MD5': md5 } },
          cors,
          [200],
        ),
      ).catch(() => {});
    },
    async put(key, body, contentType) {
      await timed('put', client.putObject(bucket, key, body, body.length, { 'Content-Type': contentType }));
    },
    async putStream(key, body, size, contentType) {
      // A PUT to a URL we presign ourselves streams the body through; minio's putObject would first read
      // a body under its part size (64 MB) into memory and hash it.
      const url = new URL(await client.presignedPutObject(bucket, key, 300));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method: 'PUT', headers: { 'content-type': contentType, 'content-length': size } });
      const answered = new Promise<void>((ok, fail) => {
        req.once('error', fail);
        req.once('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.length < 16 && chunks.push(c));
          res.once('error', fail);
          res.once('end', () =>
            res.statusCode === 200
              ? ok()
              : fail(new Error(`PUT answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 200)}`)),
          );
        });
      });
      answered.catch(() => {});
      let bodyError: unknown;
      body.once('error', (e) => (bodyError = e));
      try {
        await timed(
          'put',
          Promise.all([pipeline(body, req), answered]).then(() => undefined),
        );
      } catch (e) {
        req.destroy();
        body.destroy();
        // S3 never keeps a PUT cut short; a lenient server (s3rver) may keep what arrived, and may write it
        // after our connection is gone, so after a delete of ours: removed until it is seen gone.
        for (let attempt = 1; attempt <= 5; attempt++) {
          await client.removeObject(bucket, key).catch(() => {});
          await new Promise((r) => setTimeout(r, 50 * attempt));
          if (
            !(await client.statObject(bucket, key).then(
              () => true,
              () => false,
            ))
          )
            break;
        }
        // What the body itself failed with (a download cut short, too big) says more than the storage's view.
        throw bodyError ?? e;
      }
    },
    async get(key, maxBytes) {
      return timed(
        'get',
        (async () => {
          const stream = await client.getObject(bucket, key);
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of stream) {
            size += (chunk as Buffer).length;
            if (maxBytes !== undefined && size > maxBytes) {
              stream.destroy();
              throw new StorageError(`object ${key} is larger than ${maxBytes} bytes`);
            }
            chunks.push(chunk as Buffer);
          }
          return Buffer.concat(chunks);
        })(),
      );
    },
    async getStream(key) {
      return timed('get', client.getObject(bucket, key));
    },
    async putMultipart(key, body, contentType, partBytes = 8 * 1024 * 1024) {
      const size = Math.max(partBytes, MIN_PART_BYTES);
      const uploadId = await timed(
        'initiate multipart',
        client.initiateNewMultipartUpload(bucket, key, { 'Content-Type': contentType }),
      );
      const etags: { part: number; etag: string }[] = [];
      let total = 0;
      const send = async (chunks: Buffer[]) => {
        const part = etags.length + 1;
        const payload = Buffer.concat(chunks);
        const r = await timed(
          'upload part',
          client.uploadPart(
            { bucketName: bucket, objectName: key, uploadID: uploadId, partNumber: part, headers: {} },
            payload,
          ),
        );
        etags.push({ part, etag: r.etag });
        total += payload.length;
      };
      try {
        let chunks: Buffer[] = [];
        let buffered = 0;
        for await (const chunk of body) {
          chunks.push(chunk);
          buffered += chunk.length;
          if (buffered >= size) {
            await send(chunks);
            chunks = [];
            buffered = 0;
          }
        }
        // S3 wants at least one part, even an empty one.
        if (buffered || !etags.length) await send(chunks);
        await timed('complete multipart', client.completeMultipartUpload(bucket, key, uploadId, etags));
        return total;
      } catch (e) {
        await client.abortMultipartUpload(bucket, key, uploadId).catch(() => {});
        throw e;
      }
    },
    async stat(key) {
      try {
        const st = await timed('stat', client.statObject(bucket, key));
        return { size: st.size, contentType: st.metaData['content-type'] as string | undefined };
      } catch (e) {
        if (isMissing(e) || isMissing((e as StorageError).cause)) return null;
        throw e;
      }
    },
    async copy(fromKey, toKey) {
      const { CopySourceOptions, CopyDestinationOptions } = await import('minio');
      await timed(
        'copy',
        client.copyObject(
          new CopySourceOptions({ Bucket: bucket, Object: fromKey }),
          new CopyDestinationOptions({ Bucket: bucket, Object: toKey }),
        ),
      );
    },
    async remove(keys) {
      if (keys.length) await timed('remove', client.removeObjects(bucket, keys));
    },
    list: async (prefix) => (await listWithDates(prefix)).map((o) => o.key),
    listWithDates,
    presignGet: (key, ttl = PRESIGN_TTL_SECONDS) =>
      signer.presignedGetObject(bucket, key, ttl + SIGNING_WINDOW_MS / 1000, {}, signedAt()),
    presignPut: (key, ttl = PRESIGN_TTL_SECONDS) => signer.presignedPutObject(bucket, key, ttl),
    presignDownload: (key, contentDisposition, ttl = PRESIGN_TTL_SECONDS) =>
      signer.presignedGetObject(bucket, key, ttl, { 'response-content-disposition': contentDisposition }),
    async ping() {
      try {
        return await timed('ping', client.bucketExists(bucket));
      } catch {
        return false;
      }
    },
  };
}
