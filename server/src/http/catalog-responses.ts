import type { IncomingHttpHeaders } from 'node:http';
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
 * Whole answers to anonymous catalog-only GraphQL requests, kept for a few seconds (see ResponseCache)
 * under the exact request body. Authenticated callers (users, partners and their cost budgets) always
 * get a computed answer, as does `cache-control: no-cache`; only answers without errors are kept.
 */
export class CatalogAnswers {
  private readonly cache = new ResponseCache();

  /** The key a POST body's answer is kept under, or null when it is not an anonymous catalog read. */
  keyOf(headers: IncomingHttpHeaders, raw: string, body: unknown): string | null {
    if (headers.authorization !== undefined || body === null || typeof body !== 'object') return null;
    const { query, operationName } = body as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string' || query.length > MAX_QUERY || !catalogOnly(query, operationName)) return null;
    return raw;
  }

  /** A kept answer, unless the request asks for a fresh one. */
  get(headers: IncomingHttpHeaders, key: string): Buffer | undefined {
    return wantsFresh(headers['cache-control']) ? undefined : this.cache.get(key);
  }

  /** Keeps a 200 answer that carries no GraphQL error. */
  keep(key: string, status: number, body: Buffer): void {
    // Apollo writes compact JSON: any GraphQL error shows as `"errors":[` (a string in the data cannot: its quotes are escaped).
    if (status !== 200 || body.includes('"errors":[')) return;
    this.cache.set(key, body);
  }
}
