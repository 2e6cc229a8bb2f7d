// Error mapping and deadlines of the gateway, against small misbehaving HTTP servers (no fal, no emulator).
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '@fal-ai/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createFalGateway, rewriteToBaseUrl, toFalError } from '../../src/fal/gateway.ts';

const servers: Server[] = [];
async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

describe('createFalGateway', () => {
  it('a server that never answers is a timeout, within the deadline', async () => {
    const baseUrl = await serve(() => undefined);
    const fal = createFalGateway({ credentials: 'k', baseUrl, timeoutMs: 300 });
    const started = Date.now();
    const r = await fal.submit('fal-ai/flux/dev', { prompt: 'x' }, 'http://127.0.0.1:1/hook');
    expect(r).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await fal.uploadFile(Buffer.from('x'), 'text/plain')).toMatchObject({
      ok: false,
      error: { kind: 'timeout' },
    });
  });

  it('a 500 is transient, a 401 is rejected, and the key is sent as fal expects', async () => {
    const auth: (string | undefined)[] = [];
    let status = 500;
    const baseUrl = await serve((req, res) => {
      auth.push(req.headers.authorization);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ detail: 'nope' }));
    });
    const fal = createFalGateway({ credentials: 'secret-key', baseUrl, timeoutMs: 5_000 });
    expect(await fal.submit('fal-ai/flux/dev', { prompt: 'x' }, 'http://127.0.0.1:1/hook')).toMatchObject({
      ok: false,
      error: { kind: 'transient', status: 500, message: expect.stringContaining('nope') },
    });
    status = 401;
    expect(await fal.cancel('fal-ai/flux/dev', 'r1')).toMatchObject({
      ok: false,
      error: { kind: 'rejected', status: 401 },
    });
    expect(auth.every((a) => a === 'Key secret-key')).toBe(true);
  });
});

describe('toFalError', () => {
  it('maps statuses and network failures to kinds', () => {
    const api = (status: number, timeoutType?: string) =>
      new ApiError({ message: 'm', status, body: {}, ...(timeoutType ? { timeoutType } : {}) });
    expect(toFalError(api(429)).kind).toBe('transient');
    expect(toFalError(api(503)).kind).toBe('transient');
    expect(toFalError(api(422)).kind).toBe('rejected');
    expect(toFalError(api(404)).kind).toBe('rejected');
    expect(toFalError(api(504, 'user')).kind).toBe('timeout');
    expect(
      toFalError(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        }),
      ),
    ).toMatchObject({
      kind: 'transient',
      message: expect.stringContaining('ECONNREFUSED'),
    });
    expect(toFalError(new DOMException('timed out', 'TimeoutError')).kind).toBe('timeout');
  });
});

describe('rewriteToBaseUrl', () => {
  it('sends every fal host to the emulator, keeping path and query, and leaves other hosts alone', async () => {
    const rewrite = rewriteToBaseUrl('http://127.0.0.1:9999/');
    const go = async (url: string) => (await rewrite({ method: 'GET', url })).url;
    expect(await go('https://queue.fal.run/fal-ai/flux/dev?fal_webhook=x')).toBe(
      'http://127.0.0.1:9999/fal-ai/flux/dev?fal_webhook=x',
    );
    expect(await go('https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3')).toBe(
      'http://127.0.0.1:9999/storage/upload/initiate?storage_type=fal-cdn-v3',
    );
    expect(await go('https://fal.run/fal-ai/flux/dev')).toBe('http://127.0.0.1:9999/fal-ai/flux/dev');
    expect(await go('https://example.com/a')).toBe('https://example.com/a');
    expect(await go('https://notfal.run/a')).toBe('https://notfal.run/a');
  });
});
