// Webhooks signed as fal signs them, delivered with retries on non-2xx answers and connection errors.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Jwks {
  keys: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: 'EdDSA'; use: 'sig' }[];
}

export interface WebhookSigner {
  jwks: Jwks;
  /** The four x-fal-webhook-* headers for `body`, signed at `timestampSeconds`. */
  headers(requestId: string, body: Buffer, timestampSeconds?: number): Record<string, string>;
}

export function createWebhookSigner(userId: string): WebhookSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return {
    jwks: {
      keys: [
        {
          kty: 'OKP',
          crv: 'Ed25519',
          x,
          kid: createHash('sha256').update(x).digest('hex').slice(0, 16),
          alg: 'EdDSA',
          use: 'sig',
        },
      ],
    },
    headers(requestId, body, timestampSeconds = Math.floor(Date.now() / 1000)) {
      const timestamp = String(timestampSeconds);
      const digest = createHash('sha256').update(body).digest('hex');
      const message = Buffer.from([requestId, userId, timestamp, digest].join('\n'), 'utf8');
      return {
        'x-fal-webhook-request-id': requestId,
        'x-fal-webhook-user-id': userId,
        'x-fal-webhook-timestamp': timestamp,
        'x-fal-webhook-signature': sign(null, message, privateKey).toString('hex'),
      };
    },
  };
}

export interface Delivery {
  requestId: string;
  url: string;
  /** 1 for the first delivery, 2 for the duplicate. */
  copy: number;
  attempt: number;
  at: number;
  headers: Record<string, string>;
  body: string;
  /** HTTP status of the answer, absent when the connection failed. */
  status?: number;
  error?: string;
  ok: boolean;
}

export interface DeliveryOptions {
  requestId: string;
  url: string;
  copy: number;
  body: Buffer;
  headersFor: (attempt: number) => Record<string, string>;
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
  signal: AbortSignal;
  log: (d: Delivery) => void;
}

/** POSTs the webhook until a 2xx, retrying `retries` times with exponential backoff. Resolves true when delivered. */
export async function deliverWebhook(o: DeliveryOptions): Promise<boolean> {
  for (let attempt = 1; attempt <= o.retries + 1; attempt++) {
    if (o.signal.aborted) return false;
    const headers = o.headersFor(attempt);
    const entry: Delivery = {
      requestId: o.requestId,
      url: o.url,
      copy: o.copy,
      attempt,
      at: Date.now(),
      headers,
      body: o.body.toString('utf8'),
      ok: false,
    };
    try {
      const res = await fetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'fal-emulator-webhook/1', ...headers },
        body: new Uint8Array(o.body),
        signal: AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)]),
        redirect: 'manual',
      });
      await res.arrayBuffer().catch(() => undefined);
      entry.status = res.status;
      entry.ok = res.ok;
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      entry.error = err.cause?.code ?? err.cause?.message ?? err.message;
    }
    o.log(entry);
    if (entry.ok) return true;
    if (attempt <= o.retries) {
      await sleep(o.retryDelayMs * 2 ** (attempt - 1), undefined, { signal: o.signal }).catch(() => undefined);
    }
  }
  return false;
}
