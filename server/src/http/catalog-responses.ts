// Whole answers to anonymous catalog-only GraphQL requests, kept for the catalog's TTL and dropped with its
// caches (Catalog#onCleared: on any catalog change, on every instance).
import type { IncomingHttpHeaders } from 'node:http';
import { parse } from 'graphql';
import type { Catalog } from '../catalog/catalog.ts';
import { isCatalogOnly } from '../catalog/operations.ts';

const MAX_QUERY = 10_000;
const MAX_ENTRIES = 500;

/**
 * Answers by request, the same for every anonymous caller. Presigned URLs in them stay valid far
 * longer (15 min) than an answer is kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { at: number; body: Buffer }>();

  constructor(private readonly ttlMs: number) {}

  /** The answer's bytes, encoded once when kept. */
  get(key: string, now = Date.now()): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.body;
    if (hit) this.entries.delete(key);
    return undefined;
  }

  set(key: string, body: string | Buffer, at = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { at, body: typeof body === 'string' ? Buffer.from(body) : body });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** `cache-control: no-cache` on a request asks for an answer computed now (and skips the cache). */
export const wantsFresh = (cacheControl: string | string[] | undefined) =>
  /\bno-cache\b/i.test(String(cacheControl ?? ''));

/**
 * The answer cache of /graphql, under the exact request body. Authenticated callers (users, partners and
 * their cost budgets) always get a computed answer, as does `cache-control: no-cache`; only answers
 * without errors are kept.
 */
export class CatalogAnswers {
  private readonly cache: ResponseCache;
  /** Whether a query text (and operation name) is catalog-only, parsed once per text. */
  private readonly known = new Map<string, boolean>();

  constructor(catalog: Pick<Catalog, 'ttlMs' | 'onCleared'>) {
    this.cache = new ResponseCache(catalog.ttlMs);
    catalog.onCleared(() => this.cache.clear());
  }

  private catalogOnly(query: string, operationName: unknown): boolean {
    const name = typeof operationName === 'string' ? operationName : undefined;
    const key = `${name ?? ''}\n${query}`;
    let only = this.known.get(key);
    if (only === undefined) {
      try {
        only = isCatalogOnly(parse(query), name);
      } catch {
        only = false;
      }
      if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value!);
      this.known.set(key, only);
    }
    return only;
  }

  /** The key a POST body's answer is kept under, or null when it is not an anonymous catalog read. */
  keyOf(headers: IncomingHttpHeaders, raw: string, body: unknown): string | null {
    if (headers.authorization !== undefined || body === null || typeof body !== 'object') return null;
    const { query, operationName } = body as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string' || query.length > MAX_QUERY || !this.catalogOnly(query, operationName)) return null;
    return raw;
  }

  /** A kept answer, unless the request asks for a fresh one. */
  get(headers: IncomingHttpHeaders, key: string): Buffer | undefined {
    return wantsFresh(headers['cache-control']) ? undefined : this.cache.get(key);
  }

  /** Keeps a 200 answer that carries no GraphQL error. */
  keep(key: string, status: number, body: Buffer): void {
    // Apollo writes compact JSON: any GraphQL error shows as `"errors":[` (a string in the data cannot:
    // its quotes are escaped).
    if (status !== 200 || body.includes('"errors":[')) return;
    this.cache.set(key, body);
  }
}
