import { Readable } from 'node:stream';
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

/** Like `download`, but hands the body on as it arrives, so a copy need not hold all of it in memory. */
export async function openDownload(
  url: string,
  { maxBytes, timeoutMs = 60_000, headBytes = 16 }: { maxBytes: number; timeoutMs?: number; headBytes?: number },
): Promise<OpenDownload> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new DownloadError(`could not fetch the result: ${(e as Error).message}`, true);
  }
  if (!res.ok || !res.body)
    throw new DownloadError(`the result URL answered ${res.status}`, res.status >= 500 || res.status === 429);
  const body = res.body;
  const declared = res.headers.get('content-length');
  const size = declared === null ? null : Number(declared);
  if (size !== null && size > maxBytes) {
    await body.cancel().catch(() => {});
    throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
  }
  const reader = body.getReader();
  const cancel = async () => {
    reader.releaseLock();
    await body.cancel().catch(() => {});
  };
  /** The next chunk, or null at the end. */
  const next = async (): Promise<Buffer | null> => {
    const r = await reader.read().catch((e: unknown) => {
      throw new DownloadError(`the result download failed: ${e instanceof Error ? e.message : String(e)}`, true);
    });
    if (r.done) return null;
    // fetch's body is typed ReadableStream<any>; its chunks are bytes.
    const chunk = r.value as Uint8Array;
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  };
  const first: Buffer[] = [];
  let ended = false;
  for (let got = 0; got < headBytes;) {
    const chunk = await next();
    if (!chunk) {
      ended = true;
      break;
    }
    first.push(chunk);
    got += chunk.length;
  }
  const head = Buffer.concat(first);
  async function* chunks(): AsyncGenerator<Buffer> {
    let total = 0;
    const counted = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
      return chunk;
    };
    try {
      if (head.length) yield counted(head);
      for (let chunk = ended ? null : await next(); chunk; chunk = await next()) yield counted(chunk);
      if (size !== null && total !== size)
        throw new DownloadError(`the result ended after ${total} of ${size} bytes`, true);
    } finally {
      await cancel();
    }
  }
  return {
    size,
    contentType: res.headers.get('content-type'),
    head,
    body: Readable.from(chunks(), { objectMode: false }),
    cancel,
  };
}

/** Whether a failure is worth another attempt (pg-boss retries the job with backoff). */
export const isTransient = (e: unknown) => (e instanceof DownloadError && e.transient) || e instanceof StorageError;
