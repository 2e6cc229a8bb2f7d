// The benchmark's baseline: the same catalog page as `publicAvatars`, answered with hand-written SQL
// through `pg` (3 statements: the tag list, then the page and the counts in parallel), no GraphQL, no Prisma.
// It keeps the tag list and the counts of a filter for the same TTL as the app (src/catalog/catalog.ts), so
// the two endpoints do the same database work and the comparison measures what GraphQL adds.
import type pg from 'pg';
import { CATALOG_CACHE_TTL_MS } from '../src/catalog/catalog.ts';
import { cursorOf } from '../src/catalog/cursor.ts';

const cache = new Map<string, { at: number; value: Promise<unknown> }>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CATALOG_CACHE_TTL_MS) return hit.value as Promise<T>;
  const value = load();
  value.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), value });
  return value;
}

interface TagRow {
  id: string;
  slug: string;
  name: string;
  categoryId: string;
  categorySlug: string;
}

export interface PlainPage {
  publicAvatars:
    | {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: { id: string; name: string; tags: PlainTag[] } }[];
        facets: { tag: PlainTag; count: number }[];
      }
    | { __typename: 'UnknownTagsError'; message: string; slugs: string[] };
}

interface PlainTag {
  slug: string;
  name: string;
  category: { slug: string };
}

const PUBLIC = `a.status = 'SUCCEEDED' AND a.visibility = 'PUBLIC'`;
const hasAny = (param: string) =>
  `EXISTS (SELECT 1 FROM "AvatarTag" h WHERE h."avatarId" = a.id AND h."tagId" = ANY(${param}::text[]))`;

/**
 * Total and disjunctive facets in one statement (one round trip). The same work as the app's two
 * statements: no exact formulation at query time was found cheaper on this schema (a single pass with
 * per-avatar flags, bit masks, or grouping by tag set all measured slower), see the bench report.
 */
function countsSql(groups: number): string {
  const idx = [...Array(groups).keys()];
  // $1..$g: tag ids of each selected category; $g+1..$2g: those categories' ids.
  const all = [PUBLIC, ...idx.map((i) => hasAny(`$${i + 1}`))].join(' AND ');
  const others = [PUBLIC, ...idx.map((i) => `(t."categoryId" = $${groups + i + 1} OR ${hasAny(`$${i + 1}`)})`)].join(
    ' AND ',
  );
  return `SELECT NULL AS "tagId", count(*)::int AS n FROM "Avatar" a WHERE ${all}
          UNION ALL
          SELECT x."tagId", count(*)::int FROM "Avatar" a JOIN "AvatarTag" x ON x."avatarId" = a.id
            JOIN "Tag" t ON t.id = x."tagId"
           WHERE ${others} GROUP BY 1`;
}

function pageSql(groups: number): string {
  const where = [PUBLIC, ...[...Array(groups).keys()].map((i) => hasAny(`$${i + 2}`))].join(' AND ');
  return `SELECT a.id, a.name, a."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
                 ARRAY(SELECT x."tagId" FROM "AvatarTag" x JOIN "Tag" t ON t.id = x."tagId"
                         WHERE x."avatarId" = a.id ORDER BY t.slug) AS tags
            FROM "Avatar" a
           WHERE ${where}
           ORDER BY a."createdAt" DESC, a.id DESC
           LIMIT $1`;
}

const TAGS_SQL = `SELECT t.id, t.slug, t.name, t."categoryId", c.slug AS "categorySlug"
                    FROM "Tag" t JOIN "TagCategory" c ON c.id = t."categoryId"
                   ORDER BY c.position, t.name`;

/** First page (NEWEST order) of the public catalog filtered by tag slugs. */
export async function plainCatalogPage(pool: pg.Pool, first: number, slugs: string[]): Promise<PlainPage> {
  const tags = await cached('tags', async () => (await pool.query<TagRow>(TAGS_SQL)).rows);
  const bySlug = new Map(tags.map((t) => [t.slug, t]));
  const wanted = [...new Set(slugs)];
  const unknown = wanted.filter((s) => !bySlug.has(s));
  if (unknown.length)
    return {
      publicAvatars: { __typename: 'UnknownTagsError', message: `Unknown tags: ${unknown.join(', ')}`, slugs: unknown },
    };
  const groupMap = new Map<string, string[]>();
  for (const s of wanted) {
    const t = bySlug.get(s)!;
    groupMap.set(t.categoryId, [...(groupMap.get(t.categoryId) ?? []), t.id]);
  }
  const groups = [...groupMap].sort(([a], [b]) => a.localeCompare(b));
  const [page, counts] = await Promise.all([
    pool.query<{ id: string; name: string; createdAt: Date; tags: string[] }>(pageSql(groups.length), [
      first + 1,
      ...groups.map(([, ids]) => ids),
    ]),
    cached(`counts:${JSON.stringify(groups.map(([c, ids]) => [c, [...ids].sort()]))}`, () =>
      pool.query<{ tagId: string | null; n: number }>(countsSql(groups.length), [
        ...groups.map(([, ids]) => ids),
        ...groups.map(([c]) => c),
      ]),
    ),
  ]);
  const view = (t: TagRow): PlainTag => ({ slug: t.slug, name: t.name, category: { slug: t.categorySlug } });
  const byId = new Map(tags.map((t) => [t.id, view(t)]));
  const n = new Map(counts.rows.map((r) => [r.tagId, r.n]));
  const rows = page.rows.slice(0, first);
  const edges = rows.map((r) => ({
    cursor: cursorOf('NEWEST', { id: r.id, name: r.name, createdAt: r.createdAt }),
    node: {
      id: Buffer.from(`Avatar:${r.id}`).toString('base64'),
      name: r.name,
      tags: r.tags.map((id) => byId.get(id)!),
    },
  }));
  return {
    publicAvatars: {
      totalCount: n.get(null) ?? 0,
      pageInfo: { hasNextPage: page.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
      facets: tags.map((t) => ({ tag: byId.get(t.id)!, count: n.get(t.id) ?? 0 })),
    },
  };
}
