// The verifier against a real JWKS endpoint over HTTP, with webhooks signed the way fal signs them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookSigner, type WebhookSigner } from '../../src/fal/emulator-webhooks.ts';
import { createWebhookVerifier } from '../../src/fal/webhook.ts';

let server: Server;
let jwksUrl: string;
let served: WebhookSigner;
let jwksStatus = 200;
let jwksHang = false;
let fetches = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    if (jwksHang) return; // never answers
    res.writeHead(jwksStatus, { 'content-type': 'application/json' }).end(JSON.stringify(served.jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const signer = createWebhookSigner('user-42');
beforeEach(() => {
  served = signer;
  jwksStatus = 200;
  jwksHang = false;
  fetches = 0;
});

const body = (requestId: string, extra: Record<string, unknown> = {}) =>
  Buffer.from(
    JSON.stringify({
      request_id: requestId,
      gateway_request_id: requestId,
      status: 'OK',
      payload: { images: [] },
      ...extra,
    }),
  );

describe('createWebhookVerifier', () => {
  it('accepts a genuine webhook and parses its body', async () => {
    const verifier = createWebhookVerifier({ jwksUrl });
    const raw = body('req-1');
    const result = await verifier.verify(signer.headers('req-1', raw), raw);
    expect(result).toEqual({ ok: true, requestId: 'req-1', body: JSON.parse(raw.toString()) });
  });

  it("accepts fal's payload_error body: status OK, payload null", async () => {
    const verifier = createWebhookVerifier({ jwksUrl });
    const raw = body('req-10', { payload: null, payload_error: 'Response payload is not JSON serializable' });
    expect(await verifier.verify(signer.headers('req-10', raw), raw)).toMatchObject({
      ok: true,
      body: { status: 'OK', payload: null, payload_error: expect.any(String) },
    });
  });

  it('accepts node-style header arrays and any header case', async () => {
    const verifier = createWebhookVerifier({ jwksUrl });
    const raw = body('req-2');
    const h = signer.headers('req-2', raw);
    const mixed = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toUpperCase(), [v]]));
    expect((await verifier.verify(mixed, raw)).ok).toBe(true);
  });

  it('refuses a tampered body, another key, missing headers, a bad signature encoding', async () => {
    const verifier = createWebhookVerifier({ jwksUrl });
    const raw = body('req-3');
    const headers = signer.headers('req-3', raw);
    expect(await verifier.verify(headers, body('req-3', { status: 'ERROR' }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature'),
    });
    const intruder = createWebhookSigner('user-42');
    expect(await verifier.verify(intruder.headers('req-3', raw), raw)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature'),
    });
    expect(await verifier.verify({ ...headers, 'x-fal-webhook-user-id': 'user-43' }, raw)).toMatchObject({ ok: false });
    for (const missing of Object.keys(headers)) {
      const partial = { ...headers, [missing]: undefined };
      expect(await verifier.verify(partial, raw)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('missing'),
      });
    }
    expect(await verifier.verify({ ...headers, 'x-fal-webhook-signature': 'zz' }, raw)).toMatchObject({ ok: false });
  });

  it('refuses timestamps more than 300 s away, either way', async () => {
    let now = Date.now();
    const verifier = createWebhookVerifier({ jwksUrl, now: () => now });
    const raw = body('req-4');
    const nowS = Math.floor(now / 1000);
    expect((await verifier.verify(signer.headers('req-4', raw, nowS - 299), raw)).ok).toBe(true);
    expect(await verifier.verify(signer.headers('req-4', raw, nowS - 301), raw)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('timestamp'),
    });
    expect(await verifier.verify(signer.headers('req-4', raw, nowS + 301), raw)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('timestamp'),
    });
    now += 10 * 60_000;
    expect(await verifier.verify(signer.headers('req-4', raw, nowS), raw)).toMatchObject({ ok: false });
  });

  it('refuses a signed body about another request, or of an unexpected shape', async () => {
    const verifier = createWebhookVerifier({ jwksUrl });
    const other = body('req-other');
    expect(await verifier.verify(signer.headers('req-5', other), other)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('different'),
    });
    const odd = body('req-5', { status: 'DONE' });
    expect(await verifier.verify(signer.headers('req-5', odd), odd)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('status'),
    });
    const notJson = Buffer.from('{oops');
    expect(await verifier.verify(signer.headers('req-5', notJson), notJson)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('JSON'),
    });
  });

  it('caches the keys for an hour, refetches after', async () => {
    let now = Date.now();
    const verifier = createWebhookVerifier({ jwksUrl, now: () => now });
    const raw = body('req-6');
    await Promise.all([1, 2, 3].map(() => verifier.verify(signer.headers('req-6', raw), raw)));
    await verifier.verify(signer.headers('req-6', raw), raw);
    expect(fetches).toBe(1);
    now += 3_600_001;
    expect((await verifier.verify(signer.headers('req-6', raw, Math.floor(now / 1000)), raw)).ok).toBe(true);
    expect(fetches).toBe(2);
  });

  it('follows a key rotation with one refetch, but not on every forged signature', async () => {
    let now = Date.now();
    const verifier = createWebhookVerifier({ jwksUrl, now: () => now });
    const raw = body('req-7');
    expect((await verifier.verify(signer.headers('req-7', raw), raw)).ok).toBe(true);
    const rotated = createWebhookSigner('user-42');
    served = rotated;
    now += 61_000;
    expect((await verifier.verify(rotated.headers('req-7', raw, Math.floor(now / 1000)), raw)).ok).toBe(true);
    expect(fetches).toBe(2);
    const forger = createWebhookSigner('user-42');
    for (let i = 0; i < 5; i++)
      expect((await verifier.verify(forger.headers('req-7', raw, Math.floor(now / 1000)), raw)).ok).toBe(false);
    expect(fetches).toBe(2);
  });

  it('unreachable keys are a retryable refusal; a hanging JWKS times out', async () => {
    jwksStatus = 503;
    const raw = body('req-8');
    expect(await createWebhookVerifier({ jwksUrl }).verify(signer.headers('req-8', raw), raw)).toMatchObject({
      ok: false,
      retryable: true,
    });
    jwksHang = true;
    const started = Date.now();
    const result = await createWebhookVerifier({ jwksUrl, fetchTimeoutMs: 200 }).verify(
      signer.headers('req-8', raw),
      raw,
    );
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps using cached keys when a refresh fails', async () => {
    let now = Date.now();
    const verifier = createWebhookVerifier({ jwksUrl, now: () => now });
    const raw = body('req-9');
    expect((await verifier.verify(signer.headers('req-9', raw), raw)).ok).toBe(true);
    jwksStatus = 500;
    now += 3_600_001;
    expect((await verifier.verify(signer.headers('req-9', raw, Math.floor(now / 1000)), raw)).ok).toBe(true);
  });
});
