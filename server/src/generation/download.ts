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

/** Whether a failure is worth another attempt (pg-boss retries the job with backoff). */
export const isTransient = (e: unknown) => (e instanceof DownloadError && e.transient) || e instanceof StorageError;
