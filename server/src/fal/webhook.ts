// Verification of fal webhooks (DESIGN §6): ED25519 over
// "{request id}\n{user id}\n{timestamp}\n{hex sha256 of the raw body}", against any key of fal's JWKS.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

export const FAL_JWKS_URL = 'https://rest.alpha.fal.ai/.well-known/jwks.json';
export const MAX_TIMESTAMP_SKEW_SECONDS = 300;

export const falWebhookBodySchema = z.object({
  request_id: z.string().min(1),
  gateway_request_id: z.string().nullish(),
  status: z.enum(['OK', 'ERROR']),
  payload: z.unknown().optional(),
  error: z.string().nullish(),
  payload_error: z.string().nullish(),
});
export type FalWebhookBody = z.infer<typeof falWebhookBodySchema>;

export type WebhookVerification =
  | { ok: true; requestId: string; body: FalWebhookBody }
  /** `retryable`: the keys could not be fetched; answer 5xx so fal delivers again. */
  | { ok: false; reason: string; retryable?: boolean };

export interface WebhookVerifier {
  verify(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): Promise<WebhookVerification>;
}

export interface WebhookVerifierOptions {
  jwksUrl: string;
  fetchTimeoutMs?: number;
  /** How long fetched keys are trusted. Default 1 h. */
  cacheTtlMs?: number;
  /** A signature no cached key accepts refetches the keys (rotation), at most this often. Default 60 s. */
  minRefetchIntervalMs?: number;
  /** Clock in milliseconds since the epoch. */
  now?: () => number;
}

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}

export function createWebhookVerifier(opts: WebhookVerifierOptions): WebhookVerifier {
  const fetchTimeoutMs = opts.fetchTimeoutMs ?? 5_000;
  const cacheTtlMs = opts.cacheTtlMs ?? 3_600_000;
  const minRefetchIntervalMs = opts.minRefetchIntervalMs ?? 60_000;
  const now = opts.now ?? Date.now;

  let keys: KeyObject[] = [];
  let fetchedAt = -Infinity;
  let inFlight: Promise<KeyObject[]> | undefined;

  async function fetchKeys(): Promise<KeyObject[]> {
    const res = await fetch(opts.jwksUrl, {
      signal: AbortSignal.timeout(fetchTimeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`JWKS ${opts.jwksUrl} answered HTTP ${res.status}`);
    const jwks = jwksSchema.parse(await res.json());
    const found: KeyObject[] = [];
    for (const jwk of jwks.keys) {
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') continue;
      try {
        found.push(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
      } catch {
        // One malformed key must not hide the others.
      }
    }
    if (found.length === 0) throw new Error(`JWKS ${opts.jwksUrl} has no Ed25519 key`);
    return found;
  }

  /** Keys from cache, refreshed when stale; concurrent callers share one fetch. Stale keys beat no keys. */
  async function getKeys(force: boolean): Promise<KeyObject[]> {
    const age = now() - fetchedAt;
    if (!force && age < cacheTtlMs) return keys;
    if (force && age < minRefetchIntervalMs) return keys;
    inFlight ??= fetchKeys()
      .then((k) => {
        keys = k;
        fetchedAt = now();
        return k;
      })
      .finally(() => {
        inFlight = undefined;
      });
    try {
      return await inFlight;
    } catch (e) {
      if (keys.length > 0) return keys;
      throw e;
    }
  }

  return {
    async verify(headers, rawBody) {
      const requestId = header(headers, 'x-fal-webhook-request-id');
      const userId = header(headers, 'x-fal-webhook-user-id');
      const timestamp = header(headers, 'x-fal-webhook-timestamp');
      const signatureHex = header(headers, 'x-fal-webhook-signature');
      if (!requestId || !userId || !timestamp || !signatureHex) {
        return { ok: false, reason: 'missing x-fal-webhook-* headers' };
      }
      if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'invalid webhook timestamp' };
      const skew = Math.abs(now() / 1000 - Number(timestamp));
      if (skew > MAX_TIMESTAMP_SKEW_SECONDS) {
        return {
          ok: false,
          reason: `webhook timestamp is ${Math.round(skew)} s away from now (max ${MAX_TIMESTAMP_SKEW_SECONDS})`,
        };
      }
      if (!/^[0-9a-fA-F]{128}$/.test(signatureHex)) return { ok: false, reason: 'invalid webhook signature encoding' };
      const signature = Buffer.from(signatureHex, 'hex');
      const digest = createHash('sha256').update(rawBody).digest('hex');
      const message = Buffer.from([requestId, userId, timestamp, digest].join('\n'), 'utf8');
      const matches = (ks: KeyObject[]) => ks.some((k) => verify(null, message, k, signature));

      let valid: boolean;
      try {
        valid = matches(await getKeys(false)) || matches(await getKeys(true));
      } catch (e) {
        return { ok: false, reason: `cannot fetch the webhook keys: ${(e as Error).message}`, retryable: true };
      }
      if (!valid) return { ok: false, reason: 'webhook signature does not match any fal key' };

      let json: unknown;
      try {
        json = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return { ok: false, reason: 'webhook body is not JSON' };
      }
      const body = falWebhookBodySchema.safeParse(json);
      if (!body.success) {
        const issues = body.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
        return { ok: false, reason: `unexpected webhook body: ${issues}` };
      }
      // The signed header names the request; the body must be about that same request.
      if (body.data.request_id !== requestId && body.data.gateway_request_id !== requestId) {
        return { ok: false, reason: 'webhook body and headers name different requests' };
      }
      return { ok: true, requestId: body.data.request_id, body: body.data };
    },
  };
}
