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

/**
 * Serves anonymous catalog-only GraphQL requests from a short-lived cache of whole answers (see
 * ResponseCache), in front of Apollo. Authenticated callers (users, partners and their cost budgets)
 * always go through. Only answers without GraphQL errors are kept.
 */
export function catalogResponseCache(): RequestHandler {
  const cache = new ResponseCache();
  return (req, res, next) => {
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (req.method !== 'POST' || req.headers.authorization !== undefined || typeof body?.query !== 'string' || body.query.length > MAX_QUERY) return next();
    if (!catalogOnly(body.query, body.operationName)) return next();
    const key = JSON.stringify([body.query, body.variables ?? null, body.operationName ?? null]);
    const fresh = wantsFresh(req.headers['cache-control']);
    const hit = fresh ? undefined : cache.get(key);
    if (hit !== undefined) {
      // Straight out, without express's res.send (content negotiation, ETag hashing of the body).
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
}
