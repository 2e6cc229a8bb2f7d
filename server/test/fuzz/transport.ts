// How a probe is sent: over HTTP as JSON variables, or as a graphql-ws subscription (its first event, or
// silence). A Huge value becomes a string just within the request body limit.
import type { TestApp } from '../helpers.ts';
import { Huge } from './hostile.ts';

// A subscription that neither errs nor completes within this is taken as accepted (a refusal comes at once,
// but a loaded machine can take a second to run the failing query behind it).
const SUBSCRIPTION_SILENCE_MS = 2000;

export interface Outcome {
  status: number;
  body: any;
  transport?: string;
  variables?: Record<string, unknown>;
}
export function encodeBody(query: string, variables: Record<string, unknown>, bodyLimitBytes: number): string {
  const plain = JSON.stringify({ query, variables }, (_k, v) => (v instanceof Huge ? '' : v));
  const huge = (function find(v: unknown): Huge | undefined {
    if (v instanceof Huge) return v;
    if (v && typeof v === 'object')
      for (const x of Object.values(v)) {
        const h = find(x);
        if (h) return h;
      }
    return undefined;
  })(variables);
  if (!huge) return plain;
  // Just within the limit: the body is the whole limit minus a little slack.
  const room = bodyLimitBytes - Buffer.byteLength(plain) - 64;
  const text = huge.unit.repeat(Math.max(0, Math.floor(room / huge.bytes)));
  return JSON.stringify({ query, variables }, (_k, v) => (v instanceof Huge ? text : v));
}

export async function sendHttp(
  app: TestApp,
  bodyLimitBytes: number,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Outcome> {
  try {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: encodeBody(query, variables, bodyLimitBytes),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text };
    }
    return { status: res.status, body };
  } catch (e) {
    return { status: 0, body: null, transport: (e as Error).message };
  }
}

/** First event of a subscription (or silence after a while, which a valid subscription gives). */
export async function sendWs(
  app: TestApp,
  bodyLimitBytes: number,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Outcome> {
  const client = app.ws(token);
  const body = JSON.parse(encodeBody(query, variables, bodyLimitBytes));
  try {
    return await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => resolve({ status: 200, body: { silent: true } }), SUBSCRIPTION_SILENCE_MS);
      const done = (o: Outcome) => {
        clearTimeout(timer);
        resolve(o);
      };
      client.subscribe(body, {
        next: (v) => done({ status: 200, body: v }),
        error: (e) => {
          if (Array.isArray(e)) done({ status: 200, body: { errors: e } });
          else if (e && typeof e === 'object' && 'code' in e) {
            const close = e as { code: number; reason: string };
            done({
              status: close.code === 4500 || close.code === 1011 ? 500 : 200,
              body: { errors: [{ message: close.reason, extensions: { code: `close ${close.code}` } }] },
            });
          } else done({ status: 0, body: null, transport: String((e as Error | undefined)?.message ?? e) });
        },
        complete: () => done({ status: 200, body: { completed: true } }),
      });
    });
  } finally {
    await client.dispose();
  }
}
