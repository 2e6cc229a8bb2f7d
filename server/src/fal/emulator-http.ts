// Small HTTP helpers of the emulator: errors answered as FastAPI-style JSON, bounded body reads.
import type { IncomingMessage } from 'node:http';

const JSON_MAX_BYTES = 25 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is drained, not kept, so the 413 can still be answered.
      if (size > max) reject(new HttpError(413, { detail: 'Request body too large' }));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req, JSON_MAX_BYTES);
  try {
    return raw.length ? JSON.parse(raw.toString('utf8')) : {};
  } catch {
    throw new HttpError(422, { detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }] });
  }
}
