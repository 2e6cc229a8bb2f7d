// The catalog's counts (totalCount, facets) and tag list are the same for every page, order and viewer,
// and costly to compute over the whole catalog: each is computed once per filter and TTL (one flight for
// concurrent requests), and dropped whenever the public catalog changes, on every instance
// (`catalogChanged` over pub/sub). One Catalog per app: two apps in one process share nothing.
import type { Tag } from '../generated/prisma/client.ts';
import type { PubSub } from '../graphql/pubsub.ts';
import { type CatalogCounts, countsKey, loadCounts } from './counts.ts';
import type { CatalogFilter, RunSql } from './filter.ts';
import { loadTaxonomy, type Taxonomy, type TaxonomyDb, tagsIn, tagsInJoined } from './taxonomy.ts';
import { andThen, type MaybePromise, TtlCache } from './ttl-cache.ts';

export const CATALOG_CACHE_TTL_MS = 10_000;

export interface Catalog {
  /** How long anything derived from the catalog may be kept (the HTTP answer cache uses it too). */
  readonly ttlMs: number;
  counts(filter: CatalogFilter): MaybePromise<CatalogCounts>;
  taxonomy(): MaybePromise<Taxonomy>;
  /** Tags by id, in slug order. */
  tagsByIds(ids: readonly string[]): MaybePromise<Tag[]>;
  /** The tags of each catalog row, by its ids joined by commas (a page's `tagIds`), in slug order. */
  tagLists(joinedIds: readonly string[]): MaybePromise<Tag[][]>;
  /**
   * The public catalog changed (call after the write has committed): drops this instance's caches at
   * once (the answer that follows, a mutation's own, reads them), then tells every instance.
   */
  changed(reason: string): Promise<void>;
  /** Drops this instance's caches, and whatever was registered with onCleared. */
  clear(): void;
  /** `cb` runs on every clear (caches kept elsewhere, e.g. HTTP answers); returns its removal. */
  onCleared(cb: () => void): () => void;
  /** Clears on every `catalogChanged` event (this instance's own included) until `signal` aborts. */
  listen(signal: AbortSignal): void;
}

export interface CatalogDeps {
  db: TaxonomyDb;
  sql: RunSql;
  pubsub: PubSub;
  ttlMs?: number;
}

export function createCatalog({ db, sql, pubsub, ttlMs = CATALOG_CACHE_TTL_MS }: CatalogDeps): Catalog {
  const counts = new TtlCache<CatalogCounts>(ttlMs);
  const taxonomies = new TtlCache<Taxonomy>(ttlMs);
  const cleared = new Set<() => void>();
  const load = () => loadTaxonomy(db);
  const taxonomy = () => taxonomies.get('all', load);
  const clear = () => {
    counts.clear();
    taxonomies.clear();
    for (const cb of cleared) cb();
  };
  return {
    ttlMs,
    counts: (filter) => counts.get(countsKey(filter), () => loadCounts(sql, filter)),
    taxonomy,
    tagsByIds: (ids) => andThen(taxonomy(), (t) => tagsIn(t, ids, db)),
    tagLists: (joinedIds) =>
      andThen(taxonomy(), (t) => {
        const lists = joinedIds.map((joined) => tagsInJoined(t, joined, db));
        // A tag this instance does not know yet makes its row's list a read (rare): the page waits for them all.
        if (!lists.some((l) => l instanceof Promise)) return lists as Tag[][];
        return Promise.all(lists.map((l) => Promise.resolve(l)));
      }),
    async changed(reason) {
      clear();
      pubsub.publish('catalogChanged', 'all', { reason });
    },
    clear,
    onCleared(cb) {
      cleared.add(cb);
      return () => void cleared.delete(cb);
    },
    listen(signal) {
      void (async () => {
        for await (const _ of pubsub.subscribe('catalogChanged', 'all', signal)) clear();
      })();
    },
  };
}
