import { type CatalogDeps, taxonomy } from './cache.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { isLocalId, textProblem } from '../graphql/input-rules.ts';

/** Tags OR-ed within a category, categories AND-ed, plus a name search. */
export interface CatalogFilter {
  groups: { categoryId: string; tagIds: string[] }[];
  search: string | null;
}

export type CatalogOrder = 'NEWEST' | 'OLDEST' | 'NAME';

export async function resolveTagSlugs(deps: CatalogDeps, slugs: string[]): Promise<{ groups: CatalogFilter['groups']; unknown: string[] }> {
  const wanted = [...new Set(slugs)];
  if (!wanted.length) return { groups: [], unknown: [] };
  const tags = (await taxonomy(deps)).tags.filter((t) => wanted.includes(t.slug));
  const found = new Set(tags.map((t) => t.slug));
  const byCategory = new Map<string, string[]>();
  for (const t of tags) byCategory.set(t.categoryId, [...(byCategory.get(t.categoryId) ?? []), t.id]);
  return {
    groups: [...byCategory].map(([categoryId, tagIds]) => ({ categoryId, tagIds })).sort((a, b) => (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0)),
    unknown: wanted.filter((s) => !found.has(s)),
  };
}

// ILIKE would read a user's % or _ as wildcards: they stay literal.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const hasAny = (tagIds: string[]) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "AvatarTag" x WHERE x."avatarId" = a.id AND x."tagId" IN (${Prisma.join(tagIds)}))`;

/** WHERE clause over `"Avatar" a`: the filter every catalog statement (page, total, facets) applies. */
export function sqlWhere(f: CatalogFilter): Prisma.Sql {
  const parts = [Prisma.sql`a.status = 'SUCCEEDED' AND a.visibility = 'PUBLIC'`];
  if (f.search) parts.push(Prisma.sql`a.name ILIKE ${`%${escapeLike(f.search)}%`}`);
  for (const g of f.groups) parts.push(hasAny(g.tagIds));
  return Prisma.join(parts, ' AND ');
}

/** How many public avatars the filter matches. */
export async function catalogTotal(deps: CatalogDeps, f: CatalogFilter): Promise<number> {
  const [row] = await deps.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Avatar" a WHERE ${sqlWhere(f)}`;
  return row?.n ?? 0;
}

/**
 * For every tag, how many avatars would match if it were selected too: the filter of the other
 * categories applies, its own category's selection does not (disjunctive facets, one statement).
 */
export async function facetCounts(deps: CatalogDeps, f: CatalogFilter): Promise<Map<string, number>> {
  const base = sqlWhere({ groups: [], search: f.search });
  const others = f.groups.map((g) => Prisma.sql`(t."categoryId" = ${g.categoryId} OR ${hasAny(g.tagIds)})`);
  const rows = await deps.db.$queryRaw<{ tagId: string; n: number }[]>`
    SELECT at."tagId", count(*)::int AS n
      FROM "Avatar" a
      JOIN "AvatarTag" at ON at."avatarId" = a.id
      JOIN "Tag" t ON t.id = at."tagId"
     WHERE ${base} ${others.length ? Prisma.sql`AND ${Prisma.join(others, ' AND ')}` : Prisma.empty}
     GROUP BY at."tagId"`;
  return new Map(rows.map((r) => [r.tagId, r.n]));
}

export interface Cursor {
  order: CatalogOrder;
  value: string;
  id: string;
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.order, c.value, c.id])).toString('base64url');

/** What a date cursor holds: Date#toISOString, the one form that also casts to timestamp(3) in PostgreSQL. */
const isIsoInstant = (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

/**
 * The cursor, or null when it is not one this list wrote: anything else (a date JavaScript reads but
 * PostgreSQL does not, a name with a NUL, an id of another shape) would reach the statement.
 */
export function decodeCursor(s: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [order, value, id] = parsed as unknown[];
    if ((order !== 'NEWEST' && order !== 'OLDEST' && order !== 'NAME') || typeof value !== 'string' || !isLocalId(id)) return null;
    if (order === 'NAME' ? value.length > 200 || textProblem(value) !== null : !isIsoInstant(value)) return null;
    return { order, value, id };
  } catch {
    return null;
  }
}

const orderSpec = {
  NEWEST: { field: 'createdAt', dir: 'desc' },
  OLDEST: { field: 'createdAt', dir: 'asc' },
  NAME: { field: 'name', dir: 'asc' },
} as const;

/** The Avatar columns the GraphQL Avatar type reads, and the avatar's tag ids. */
export interface CatalogRow {
  id: string;
  name: string;
  visibility: 'PUBLIC' | 'PRIVATE';
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  failureReason: string | null;
  imageStoragePath: string | null;
  videoStoragePath: string | null;
  createdAt: Date;
  tagIds: string[];
}

/**
 * One page of the filtered catalog after (or, backwards, before) a cursor, `take` rows in the order's
 * direction, each with its tag ids: one statement (the filter of sqlWhere; the keyset is
 * (order key, id), so rows sharing a name or a timestamp are neither repeated nor skipped).
 */
export function catalogPage(deps: CatalogDeps, f: CatalogFilter, order: CatalogOrder, cursor: Cursor | null, forward: boolean, take: number): Promise<CatalogRow[]> {
  const { field, dir } = orderSpec[order];
  const key = field === 'createdAt' ? Prisma.sql`a."createdAt"` : Prisma.sql`a.name`;
  const ascending = (dir === 'asc') === forward;
  const parts = [sqlWhere(f)];
  if (cursor) {
    // Stored timestamps are UTC wall times (timestamp(3) without zone); the cursor's ISO text casts to the same.
    const value = field === 'createdAt' ? Prisma.sql`${cursor.value}::timestamp(3)` : Prisma.sql`${cursor.value}`;
    parts.push(Prisma.sql`(${key}, a.id) ${Prisma.raw(ascending ? '>' : '<')} (${value}, ${cursor.id})`);
  }
  const direction = Prisma.raw(ascending ? 'ASC' : 'DESC');
  return deps.sql<CatalogRow>(Prisma.sql`
    SELECT a.id, a.name, a.visibility::text AS visibility, a.status::text AS status, a."failureReason",
           a."imageStoragePath", a."videoStoragePath", a."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
           ARRAY(SELECT x."tagId" FROM "AvatarTag" x WHERE x."avatarId" = a.id) AS "tagIds"
      FROM "Avatar" a
     WHERE ${Prisma.join(parts, ' AND ')}
     ORDER BY ${key} ${direction}, a.id ${direction}
     LIMIT ${take}`);
}

export const cursorOf = (order: CatalogOrder, a: { id: string; createdAt: Date; name: string }): string =>
  encodeCursor({ order, value: order === 'NAME' ? a.name : a.createdAt.toISOString(), id: a.id });
