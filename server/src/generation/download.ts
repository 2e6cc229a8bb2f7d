import { Readable } from 'node:stream';
import { StorageError } from '../storage/storage.ts';

export class DownloadError extends Error {
  constructor(message: string, readonly transient: boolean) {
    super(message);
  }
}

/** Fetches a provider's result (its URLs expire, so we copy it), with a timeout and a size cap. */
export async function download(url: string, { maxBytes, timeoutMs = 60_000 }: { maxBytes: number; timeoutMs?: number }): Promise<{ body: Buffer; contentType: string | null }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new DownloadError(`could not fetch the result: ${(e as Error).message}`, true);
  }
  if (!res.ok) throw new DownloadError(`the result URL answered ${res.status}`, res.status >= 500 || res.status === 429);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
    chunks.push(Buffer.from(chunk));
  }
  return { body: Buffer.concat(chunks), contentType: res.headers.get('content-type') };
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

/** Like `download`, but hands the body on as it arrives, so a copy need not hold all of it in memory. */
export async function openDownload(url: string, { maxBytes, timeoutMs = 60_000, headBytes = 16 }: { maxBytes: number; timeoutMs?: number; headBytes?: number }): Promise<OpenDownload> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new DownloadError(`could not fetch the result: ${(e as Error).message}`, true);
  }
  if (!res.ok || !res.body) throw new DownloadError(`the result URL answered ${res.status}`, res.status >= 500 || res.status === 429);
  const declared = res.headers.get('content-length');
  const size = declared === null ? null : Number(declared);
  if (size !== null && size > maxBytes) {
    await res.body.cancel().catch(() => {});
    throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
  }
  const reader = res.body.getReader();
  const read = async () => {
    try {
      return await reader.read();
    } catch (e) {
      throw new DownloadError(`the result download failed: ${(e as Error).message}`, true);
    }
  };
  const first: Buffer[] = [];
  let got = 0;
  let ended = false;
  while (got < headBytes) {
    const r = await read();
    if (r.done) {
      ended = true;
      break;
    }
    first.push(Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength));
    got += r.value.byteLength;
  }
  const head = Buffer.concat(first);
  let total = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for (const c of [head, ...(ended ? [] : [null])]) {
        if (c === null) {
          for (;;) {
            const r = await read();
            if (r.done) break;
            total += r.value.byteLength;
            if (total > maxBytes) throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
            yield Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
          }
        } else if (c.length) {
          total += c.length;
          if (total > maxBytes) throw new DownloadError(`the result is larger than ${maxBytes} bytes`, false);
          yield c;
        }
      }
      if (size !== null && total !== size) throw new DownloadError(`the result ended after ${total} of ${size} bytes`, true);
    } finally {
      reader.releaseLock();
      await res.body?.cancel().catch(() => {});
    }
  }
  const cancel = async () => {
    reader.releaseLock();
    await res.body?.cancel().catch(() => {});
  };
  return { size, contentType: res.headers.get('content-type'), head, body: Readable.from(chunks(), { objectMode: false }), cancel };
}

/** Whether a failure is worth another attempt (pg-boss retries the job with backoff). */
export const isTransient = (e: unknown) => (e instanceof DownloadError && e.transient) || e instanceof StorageError;
