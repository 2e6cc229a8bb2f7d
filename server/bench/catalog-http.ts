// HTTP to the two endpoints over one keep-alive agent: the GraphQL and plain SQL requests of the catalog page.
import http from 'node:http';
import { CONCURRENCY, FILTER, QUERY } from './catalog-settings.ts';

export const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });

export interface Target {
  name: string;
  url: URL;
  method: 'GET' | 'POST';
  body?: Buffer;
  /** Ask for an answer computed now: both endpoints then skip their cache of whole answers. */
  fresh?: boolean;
}

export function request(t: Target): Promise<{ status: number; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = http.request(
      {
        agent,
        host: t.url.hostname,
        port: t.url.port,
        path: t.url.pathname + t.url.search,
        method: t.method,
        headers: {
          ...(t.body ? { 'content-type': 'application/json', 'content-length': t.body.length } : {}),
          ...(t.fresh ? { 'cache-control': 'no-cache' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(t.body);
  });
}

export const graphqlTarget = (url: string, first: number, fresh = true): Target => ({
  name: fresh ? 'GraphQL, computed' : 'GraphQL',
  url: new URL(url),
  method: 'POST',
  body: Buffer.from(JSON.stringify({ query: QUERY, variables: { first, tags: FILTER } })),
  fresh,
});
export const plainTarget = (url: string, first: number, fresh = true): Target => ({
  name: fresh ? 'plain SQL, computed' : 'plain SQL',
  url: new URL(`${url}/catalog?first=${first}&tags=${FILTER.join(',')}`),
  method: 'GET',
  fresh,
});

export async function getJson<T>(t: Target): Promise<T> {
  const r = await request(t);
  if (r.status !== 200)
    throw new Error(`${t.name} ${t.url.href}: HTTP ${r.status}: ${r.body.toString().slice(0, 500)}`);
  return JSON.parse(r.body.toString()) as T;
}
