// The catalog's statements: each a pure function of the statement runner and the filter.
import type { QueryResultRow } from 'pg';
import { type Avatar, Prisma } from '../generated/prisma/client.ts';

/** Runs one hand-written statement (`Deps['sql']`). */
export type RunSql = <R extends QueryResultRow>(statement: Prisma.Sql) => Promise<R[]>;

/** Tags OR-ed within a category, categories AND-ed, plus a name search. */
export interface CatalogFilter {
  groups: { categoryId: string; tagIds: string[] }[];
  search: string | null;
}

export type CatalogOrder = 'NEWEST' | 'OLDEST' | 'NAME';

/** A position in one order of the catalog: the order key's value and the row id after it (cursor.ts). */
export interface Cursor {
  order: CatalogOrder;
  value: string;
  id: string;
}

// ILIKE would read a user's % or _ as wildcards: they stay literal.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// One array parameter, not a list of them: the statement's text depends on the filter's shape only, so a
// prepared statement serves every filter of that shape (db.ts).
const hasAny = (tagIds: string[]) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "AvatarTag" x WHERE x."avatarId" = a.id AND x."tagId" = ANY(${tagIds}::text[]))`;

/** WHERE clause over `"Avatar" a`: the filter every catalog statement (page, total, facets) applies. */
export function sqlWhere(f: CatalogFilter): Prisma.Sql {
  const parts = [Prisma.sql`a.status = 'SUCCEEDED' AND a.visibility = 'PUBLIC'`];
  if (f.search) parts.push(Prisma.sql`a.name ILIKE ${`%${escapeLike(f.search)}%`}`);
  for (const g of f.groups) parts.push(hasAny(g.tagIds));
  return Prisma.join(parts, ' AND ');
}

/** How many public avatars the filter matches. */
export async function catalogTotal(sql: RunSql, f: CatalogFilter): Promise<number> {
  const [row] = await sql<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "Avatar" a WHERE ${sqlWhere(f)}`);
  return row?.n ?? 0;
}

/**
 * For every tag, how many avatars would match if it were selected too: the filter of the other
 * categories applies, its own category's selection does not (disjunctive facets, one statement).
 */
export async function facetCounts(sql: RunSql, f: CatalogFilter): Promise<Map<string, number>> {
  const base = sqlWhere({ groups: [], search: f.search });
  const others = f.groups.map((g) => Prisma.sql`(t."categoryId" = ${g.categoryId} OR ${hasAny(g.tagIds)})`);
  const rows = await sql<{ tagId: string; n: number }>(Prisma.sql`
    SELECT at."tagId", count(*)::int AS n
      FROM "Avatar" a
      JOIN "AvatarTag" at ON at."avatarId" = a.id
      JOIN "Tag" t ON t.id = at."tagId"
     WHERE ${base} ${others.length ? Prisma.sql`AND ${Prisma.join(others, ' AND ')}` : Prisma.empty}
     GROUP BY at."tagId"`);
  return new Map(rows.map((r) => [r.tagId, r.n]));
}

const orderSpec = {
  NEWEST: { field: 'createdAt', dir: 'desc' },
  OLDEST: { field: 'createdAt', dir: 'asc' },
  NAME: { field: 'name', dir: 'asc' },
} as const;

/**
 * Avatar columns a page reads only when asked (`columns`): each one a row carries costs the server parsing
 * it, 25 times a page (bench:catalog). Id, name, createdAt and the tag ids are always read (cursors, tags).
 */
const OPTIONAL_COLUMNS = {
  visibility: 'a.visibility::text AS visibility',
  status: 'a.status::text AS status',
  failureReason: 'a."failureReason"',
  imageStoragePath: 'a."imageStoragePath"',
  videoStoragePath: 'a."videoStoragePath"',
  aspectRatio: 'a."aspectRatio"',
  durationSeconds: 'a."durationSeconds"',
  quality: 'a.quality::text AS quality',
  seed: 'a.seed',
} as const;
export type CatalogColumn = keyof typeof OPTIONAL_COLUMNS;
export const CATALOG_COLUMNS = Object.keys(OPTIONAL_COLUMNS) as readonly CatalogColumn[];

/** The Avatar columns the GraphQL Avatar type reads: those a page always selects, and those it was asked for. */
export type CatalogAvatar = Pick<Avatar, 'id' | 'name' | 'createdAt'> & Partial<Pick<Avatar, CatalogColumn>>;

/** A page's row: the avatar's columns and its tag ids, joined with commas ('' for none). */
export interface CatalogRow extends CatalogAvatar {
  tagIds: string;
}

/**
 * One page of the filtered catalog after (or, backwards, before) a cursor, `take` rows in the order's
 * direction, each with its tag ids: one statement (the filter of sqlWhere; the keyset is
 * (order key, id), so rows sharing a name or a timestamp are neither repeated nor skipped).
 */
export function catalogPage(
  sql: RunSql,
  f: CatalogFilter,
  page: { order: CatalogOrder; cursor: Cursor | null; forward: boolean; take: number },
  columns: readonly CatalogColumn[] = CATALOG_COLUMNS,
): Promise<CatalogRow[]> {
  const { field, dir } = orderSpec[page.order];
  const key = field === 'createdAt' ? Prisma.sql`a."createdAt"` : Prisma.sql`a.name`;
  const ascending = (dir === 'asc') === page.forward;
  const parts = [sqlWhere(f)];
  if (page.cursor) {
    // Stored timestamps are UTC wall times (timestamp(3) without zone); the cursor's ISO text casts to the same.
    const { value: v, id } = page.cursor;
    const value = field === 'createdAt' ? Prisma.sql`${v}::timestamp(3)` : Prisma.sql`${v}`;
    parts.push(Prisma.sql`(${key}, a.id) ${Prisma.raw(ascending ? '>' : '<')} (${value}, ${id})`);
  }
  const direction = Prisma.raw(ascending ? 'ASC' : 'DESC');
  return sql<CatalogRow>(Prisma.sql`
    SELECT a.id, a.name, a."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
           ${Prisma.raw(columns.map((c) => `${OPTIONAL_COLUMNS[c]}, `).join(''))}
           coalesce((SELECT string_agg(x."tagId", ',') FROM "AvatarTag" x WHERE x."avatarId" = a.id), '') AS "tagIds"
      FROM "Avatar" a
     WHERE ${Prisma.join(parts, ' AND ')}
     ORDER BY ${key} ${direction}, a.id ${direction}
     LIMIT ${page.take}`);
}
