import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable, Transform } from 'node:stream';
import { StorageError } from '../storage/storage.ts';

export class DownloadError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export interface OpenDownload {
  /** Content-Length as declared (already checked against the cap), or null when the server gave none. */
  size: number | null;
  contentType: string | null;
  /** The first bytes (at least `headBytes` unless the body is shorter), to check what it is before copying it. */
  head: Buffer;
  /** The whole body, head included, failing with a DownloadError past `maxBytes` or when it ends short of `size`. */
  body: Readable;
  /** Drops the rest of the body unread. */
  cancel(): Promise<void>;
}

/** Fetches a provider's result (its URLs expire, so we copy it), with a timeout and a size cap. */
export async function download(
  url: string,
  opts: { maxBytes: number; timeoutMs?: number },
): Promise<{ body: Buffer; contentType: string | null }> {
  const d = await openDownload(url, { ...opts, headBytes: 0 });
  return { body: Buffer.concat(await d.body.toArray()), contentType: d.contentType };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A GET, following up to `redirects` redirects, answered with its response (its body unread). */
function get(url: URL, signal: AbortSignal, redirects: number): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
  if (!send) return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const req = send(url, { signal }, (res) => {
      const location = res.headers.location;
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && location && redirects > 0) {
        res.resume();
        resolve(get(new URL(location, url), signal, redirects - 1));
      } else resolve(res);
    });
    req.once('error', reject);
    req.end();
  });
}

/** Waits until `stream` has data to read, has ended, or failed. */
const readable = (stream: Readable) =>
  new Promise<void>((ok, fail) => {
    const done = () => {
      stream.off('readable', done).off('end', done).off('error', failed);
      ok();
    };
    const failed = (e: unknown) => {
      stream.off('readable', done).off('end', done).off('error', failed);
      fail(e instanceof Error ? e : new Error(String(e)));
    };
    stream.on('readable', done).on('end', done).on('error', failed);
  });

/**
 * Like `download`, but hands the body on as it arrives, so a copy need not hold all of it in memory. Over
 * node:http rather than fetch: the copy of a 2 MB video is on the path from a webhook to its event, and fetch's
 * web streams cost more CPU per chunk (bench:status).
 */
export async function openDownload(
  url: string,
  { maxBytes, timeoutMs = 60_000, headBytes = 16 }: { maxBytes: number; timeoutMs?: number; headBytes?: number },
): Promise<OpenDownload> {
  let res: IncomingMessage;
  try {
    res = await get(new URL(url), AbortSignal.timeout(timeoutMs), 5);
  } catch (e) {
    throw new DownloadError(`could not fetch the result: ${message(e)}`, true);
  }
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    res.resume();
    throw new DownloadError(`the result URL answered ${status}`, status >= 500 || status === 429);
  }
  const contentType = res.headers['content-type'] ?? null;
  const declared = res.headers['content-length'];
  const size = declared === undefined ? null : Number(declared);
  if (size !== null && size > maxBytes) {
    res.destroy();
    throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
  }
  let total = 0;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes) done(new DownloadError(`the result is larger than ${maxBytes} bytes`, false));
      else done(null, chunk);
    },
    flush(done) {
      const short = size !== null && total !== size;
      done(short ? new DownloadError(`the result ended after ${total} of ${size} bytes`, true) : null);
    },
  });
  res.once('error', (e) =>
    body.destroy(e instanceof DownloadError ? e : new DownloadError(`the result download failed: ${message(e)}`, true)),
  );
  body.once('close', () => res.destroy());
  res.pipe(body);
  const first: Buffer[] = [];
  for (let got = 0; got < headBytes && !body.readableEnded;) {
    if (body.errored) throw body.errored;
    const chunk = body.read() as Buffer | null;
    if (chunk) {
      first.push(chunk);
      got += chunk.length;
    } else await readable(body);
  }
  const head = Buffer.concat(first);
  // The head read is handed on first: put back, or, when it was the whole body, on its own.
  if (body.readableEnded) return { size, contentType, head, body: Readable.from([head]), cancel: async () => {} };
  if (head.length) body.unshift(head);
  return {
    size,
    contentType,
    head,
    body,
    cancel: async () => {
      body.destroy();
    },
  };
}

/** Whether a failure is worth another attempt (pg-boss retries the job with backoff). */
export const isTransient = (e: unknown) => (e instanceof DownloadError && e.transient) || e instanceof StorageError;
