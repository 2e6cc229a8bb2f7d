// GraphQL over HTTP (GET and POST /graphql) handed from the HTTP server straight to Apollo through its
// integration API (executeHTTPGraphQLRequest, on which its Express integration is built), without Express:
// measured with `npm run bench:catalog`, Express's router and body parser cost about a tenth of a
// catalog request's CPU. Express serves every other path. WebSocket upgrades never come here.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { type Logger, withRequestId } from '../log.ts';
import type { CatalogAnswers } from './catalog-responses.ts';
import type { FastAnswer } from './catalog-fast-path.ts';
import { NO_STORE, PRIVATE, VARY } from './plugins.ts';

const JSON_TYPE = /^application\/(graphql-response\+)?json\s*(;|$)/i;
const REQUEST_ID = /^[\w-]{1,64}$/;

/** Whether a request URL is the GraphQL endpoint. */
export const isGraphqlPath = (url: string | undefined) => /^\/graphql\/?(\?|$)/.test(url ?? '');

/** `100kb`, `1mb`, `512`: a size in bytes (1 kb = 1024 b, as Express's body parser counts). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new Error(`Not a size: "${text}" (e.g. 100kb, 1mb).`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

/** The request id a client sent (when it is a sane one) or a new one; echoed in `x-request-id`. */
export const requestIdOf = (given: string | string[] | undefined) =>
  typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number, limitText: string): Promise<string> {
  const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${limitText}.`);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity')
    return Promise.reject(
      new HttpError(415, 'BAD_REQUEST', `Content-Encoding "${encoding}" is not supported; send the body uncompressed.`),
    );
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new HttpError(400, 'BAD_REQUEST', 'The request body was cut short.'));
    });
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer) {
  res.writeHead(status, { ...headers, 'content-length': body.length });
  res.end(body);
}

/** A strong validator of an answer's bytes. */
const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether `If-None-Match` names this ETag (or `*`); weak ones compare by their opaque part (RFC 9110 13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** What no HTTP cache may keep: anything asked with credentials is private as well. */
const uncached = (req: IncomingMessage) => (req.headers.authorization === undefined ? NO_STORE : PRIVATE);

const jsonError = (res: ServerResponse, requestId: string, status: number, code: string, message: string) =>
  send(
    res,
    status,
    { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, 'cache-control': NO_STORE },
    Buffer.from(JSON.stringify({ errors: [{ message, extensions: { code } }] })),
  );

export interface GraphqlHttpOptions<C extends object> {
  apollo: () => ApolloServer<C>;
  context: (req: IncomingMessage, requestId: string) => Promise<C>;
  answers: CatalogAnswers;
  /** Answers what it can without Apollo (catalog-fast-path.ts), or hands the request over. */
  fast?: (
    headers: IncomingMessage['headers'],
    body: Record<string, unknown>,
    context: () => Promise<C>,
  ) => Promise<{ answer?: FastAnswer; context?: Promise<C> }>;
  bodyLimit: string;
  log: Logger;
}

/** The request handler for /graphql: body limit, request id, kept catalog answers, then Apollo. */
export function graphqlHttp<C extends object>({
  apollo,
  context,
  answers,
  fast,
  bodyLimit,
  log,
}: GraphqlHttpOptions<C>) {
  const limit = parseSize(bodyLimit);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    try {
      const method = (req.method ?? 'GET').toUpperCase();
      let body: unknown;
      let key: string | null = null;
      let built: Promise<C> | undefined;
      if (method === 'POST') {
        const raw = await readBody(req, limit, bodyLimit);
        if (JSON_TYPE.test(req.headers['content-type'] ?? '')) {
          try {
            body = JSON.parse(raw);
          } catch (e) {
            throw new HttpError(400, 'BAD_REQUEST', (e as Error).message);
          }
          if (body === null || typeof body !== 'object')
            throw new HttpError(400, 'BAD_REQUEST', 'The body must be a JSON object.');
          key = answers.keyOf(req.headers, raw, body);
          const kept = key === null ? undefined : answers.get(req.headers, key);
          if (kept) {
            const headers = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId };
            send(res, 200, { ...headers, 'cache-control': NO_STORE, vary: VARY }, kept);
            return;
          }
          if (fast) {
            const given = body as Record<string, unknown>;
            const r = await withRequestId(requestId, () => fast(req.headers, given, () => context(req, requestId)));
            if (r.answer) {
              const { status, headers, body: bytes } = r.answer;
              if (key !== null) answers.keep(key, status, bytes);
              const out: Record<string, string> = { ...headers, 'x-request-id': requestId };
              if (req.headers.authorization !== undefined) out['cache-control'] = uncached(req);
              send(res, status, out, bytes);
              return;
            }
            built = r.context;
          }
        }
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const url = req.url ?? '/graphql';
      const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
      const response = await withRequestId(requestId, () =>
        apollo().executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method, headers, search, body },
          context: () => built ?? context(req, requestId),
        }),
      );
      const status = response.status ?? 200;
      const out: Record<string, string> = { 'x-request-id': requestId };
      for (const [name, value] of response.headers) out[name] = value;
      // The plugin (plugins.ts) says what may be kept; an answer it never saw (a context that failed) may not.
      if (req.headers.authorization !== undefined || !out['cache-control']) out['cache-control'] = uncached(req);
      if (response.body.kind === 'complete') {
        const bytes = Buffer.from(response.body.string);
        if (key !== null) answers.keep(key, status, bytes);
        if (method === 'GET' && status === 200 && out['cache-control'].startsWith('public')) {
          out.etag = etagOf(bytes);
          if (matchesEtag(req.headers['if-none-match'], out.etag)) {
            delete out['content-type'];
            res.writeHead(304, out);
            res.end();
            return;
          }
        }
        send(res, status, out, bytes);
        return;
      }
      res.writeHead(status, out);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        jsonError(res, requestId, e.status, e.code, e.message);
        return;
      }
      log.error({ event: 'http.internal_error', requestId, err: e }, 'internal error');
      jsonError(res, requestId, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}
