import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { ResponseCache, wantsFresh } from '../catalog/cache.ts';

/** Root fields whose answer is the same for every anonymous caller and changes only with the catalog. */
const CATALOG_FIELDS = new Set(['publicAvatars', 'tagCategories', '__typename']);
const MAX_QUERY = 10_000;
const MAX_KNOWN = 500;

const known = new Map<string, boolean>();

/** Whether the operation reads only the public catalog (parsed once per query text). */
function catalogOnly(query: string, operationName: unknown): boolean {
  const key = `${typeof operationName === 'string' ? operationName : ''}\n${query}`;
  let only = known.get(key);
  if (only === undefined) {
    try {
      const ops = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const op = typeof operationName === 'string' ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
      only = !!op && op.operation === 'query' && op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CATALOG_FIELDS.has(s.name.value) && !s.directives?.length);
    } catch {
      only = false;
    }
    if (known.size >= MAX_KNOWN) known.delete(known.keys().next().value!);
    known.set(key, only);
  }
  return only;
}

/** The exact body of a request read by `front`, the key its answer is kept under. */
const RAW = Symbol('catalog request body');
const MAX_FRONT_BODY = 16 * 1024;
const JSON_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

export interface CatalogResponses {
  /** Wraps the app: answers a request whose exact body has a kept answer before express runs. */
  front(app: RequestListener): RequestListener;
  /** In the /graphql chain, before Apollo: keeps the answers to anonymous catalog-only requests. */
  middleware: RequestHandler;
}

/**
 * Anonymous catalog-only GraphQL requests answered from a short-lived cache of whole answers (see
 * ResponseCache). Authenticated callers (users, partners and their cost budgets) always go through;
 * only answers without GraphQL errors are kept. A kept answer is served from the HTTP server's own
 * handler, as a plain endpoint would, without the express stack (no request log line, no ETag).
 */
export function catalogResponses(): CatalogResponses {
  const cache = new ResponseCache();
  const front = (app: RequestListener): RequestListener => (req, res) => {
    const length = Number(req.headers['content-length']);
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      req.headers.authorization !== undefined ||
      req.headers['content-encoding'] !== undefined ||
      !JSON_TYPE.test(req.headers['content-type'] ?? '') ||
      !(length > 0 && length <= MAX_FRONT_BODY) ||
      wantsFresh(req.headers['cache-control'])
    ) {
      return app(req, res);
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const hit = cache.get(text);
      const given = req.headers['x-request-id'];
      if (hit !== undefined) {
        const requestId = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': hit.length, 'x-request-id': requestId });
        res.end(hit);
        return;
      }
      // Read here, so parsed here: express.json sees a finished request and keeps this body.
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (e) {
        body = e;
      }
      if (body === null || typeof body !== 'object' || body instanceof Error) {
        const message = body instanceof Error ? body.message : 'The body must be a JSON object.';
        const out = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
        res.end(out);
        return;
      }
      Object.assign(req, { body, [RAW]: text });
      app(req, res);
    });
  };

  const middleware: RequestHandler = (req, res, next) => {
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (req.method !== 'POST' || req.headers.authorization !== undefined || typeof body?.query !== 'string' || body.query.length > MAX_QUERY) return next();
    if (!catalogOnly(body.query, body.operationName)) return next();
    const key = (req as { [RAW]?: string })[RAW] ?? JSON.stringify([body.query, body.variables ?? null, body.operationName ?? null]);
    const hit = wantsFresh(req.headers['cache-control']) ? undefined : cache.get(key);
    if (hit !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': hit.length });
      res.end(hit);
      return;
    }
    const send = res.send.bind(res);
    res.send = (out: unknown) => {
      if (res.statusCode === 200 && typeof out === 'string' && !out.startsWith('{"errors"') && !out.includes('"errors":[')) cache.set(key, out);
      return send(out);
    };
    next();
  };
  return { front, middleware };
}
