// Before measuring: both endpoints agree with each other and with the generated data, and the SQL statements
// of one GraphQL request do not grow with the page size (no N+1).
import { benchId, TAXONOMY } from './catalog-data.ts';
import { getJson, graphqlTarget, plainTarget, type Target } from './catalog-http.ts';
import type { Endpoints } from './catalog-services.ts';
import { FILTER, log, PAGE } from './catalog-settings.ts';

interface PageData {
  publicAvatars: {
    totalCount?: number;
    message?: string;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; tags: { slug: string }[] } }[];
    facets: { tag: { slug: string }; count: number }[];
  };
}

function expected(tagsOf: string[][]) {
  const categoryOf = new Map(TAXONOMY.flatMap((c) => c.tags.map(([slug]) => [slug, c.slug] as const)));
  const groups = new Map<string, Set<string>>();
  for (const s of FILTER) groups.set(categoryOf.get(s)!, (groups.get(categoryOf.get(s)!) ?? new Set()).add(s));
  const satisfies = (tags: string[], except?: string) =>
    [...groups].every(([c, sel]) => c === except || tags.some((t) => sel.has(t)));
  const facets = new Map<string, number>(TAXONOMY.flatMap((c) => c.tags.map(([slug]) => [slug, 0] as const)));
  const ids: string[] = [];
  let total = 0;
  for (let i = tagsOf.length - 1; i >= 0; i--) {
    const tags = tagsOf[i]!;
    if (satisfies(tags)) {
      total++;
      if (ids.length < PAGE) ids.push(Buffer.from(`Avatar:${benchId('avatar', i)}`).toString('base64'));
    }
    for (const t of tags) if (satisfies(tags, categoryOf.get(t))) facets.set(t, facets.get(t)! + 1);
  }
  return { total, ids, facets };
}

export async function checkSame(ep: Endpoints, tagsOf: string[][]) {
  const g = await getJson<{ data?: PageData; errors?: unknown }>(graphqlTarget(ep.graphql, PAGE));
  const p = await getJson<{ data: PageData }>(plainTarget(ep.plain, PAGE));
  if (g.errors || g.data?.publicAvatars.totalCount === undefined)
    throw new Error(`GraphQL answered with errors: ${JSON.stringify(g).slice(0, 1000)}`);
  const want = expected(tagsOf);
  const summary = (d: PageData) => ({
    ids: d.publicAvatars.edges.map((e) => e.node.id),
    total: d.publicAvatars.totalCount,
    facets: Object.fromEntries(d.publicAvatars.facets.map((f) => [f.tag.slug, f.count])),
  });
  const sorted = (f: Record<string, number>) =>
    Object.fromEntries(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : 1)));
  const wantSummary = JSON.stringify({
    ids: want.ids,
    total: want.total,
    facets: sorted(Object.fromEntries(want.facets)),
  });
  const problems: string[] = [];
  const gs = JSON.stringify(summary(g.data));
  const ps = JSON.stringify(summary(p.data));
  if (gs !== ps) problems.push(`GraphQL and plain SQL differ:\n  GraphQL ${gs}\n  plain   ${ps}`);
  const gSorted = JSON.stringify({ ...summary(g.data), facets: sorted(summary(g.data).facets) });
  if (gSorted !== wantSummary)
    problems.push(`GraphQL differs from the generated data:\n  GraphQL  ${gSorted}\n  expected ${wantSummary}`);
  if (problems.length) throw new Error(`Endpoints disagree, not measuring.\n${problems.join('\n')}`);
  const identical = JSON.stringify(g.data) === JSON.stringify(p.data);
  const facets = g.data.publicAvatars.facets.map((f) => `${f.tag.slug} ${f.count}`).join(', ');
  log(
    `Check        same ${PAGE} ids, totalCount ${want.total} and facet counts ` +
      `from both endpoints and from the generated data`,
  );
  log(
    `             (whole JSON ` +
      `${identical ? 'identical, cursors included' : 'NOT byte-identical (ids, counts and facets agree)'}); ` +
      `facets: ${facets}`,
  );
}

// ---------------------------------------------------------------------------------------------
// SQL statements per GraphQL request

export interface Stats {
  cpuMs: number;
  statements: number;
  pgPoolQueries: number;
  sql: string[];
  timings: { sql: string; n: number; ms: number }[];
}
export const statsTarget = (ep: Endpoints, path: string): Target => ({
  name: 'stats',
  url: new URL(`${ep.plain}${path}`),
  method: 'GET',
});

export const abbreviate = (sql: string, max = 150) => {
  const s = sql
    .replace(/\s+/g, ' ')
    .replace(/"public"\./g, '')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

export async function countStatements(ep: Endpoints) {
  const counts: { size: number; statements: number; pool: number; sql: string[] }[] = [];
  for (const size of [10, 100]) {
    // Fewest of 3 requests: background work of the app (its job queue's reconciliation) can only add.
    let best: (typeof counts)[0] | null = null;
    for (let i = 0; i < 3; i++) {
      await getJson(statsTarget(ep, '/stats/reset'));
      const r = await getJson<{ data?: PageData; errors?: unknown }>(graphqlTarget(ep.graphql, size));
      if (r.errors || r.data?.publicAvatars.edges.length !== size)
        throw new Error(`GraphQL first: ${size} failed: ${JSON.stringify(r).slice(0, 500)}`);
      const s = await getJson<Stats>(statsTarget(ep, '/stats'));
      if (!best || s.statements < best.statements)
        best = { size, statements: s.statements, pool: s.pgPoolQueries, sql: s.sql };
    }
    counts.push(best!);
  }
  const [ten, hundred] = counts as [(typeof counts)[0], (typeof counts)[0]];
  log(
    `SQL per GraphQL request (fewest of 3; statements the app reports: Prisma query events and sqlRows; ` +
      `pg Pool#query calls in brackets):`,
  );
  log(`  first: 10  -> ${ten.statements} statements [${ten.pool}]`);
  log(
    `  first: 100 -> ${hundred.statements} statements [${hundred.pool}]   ` +
      (hundred.statements === ten.statements ? 'constant: no N+1' : 'GROWS WITH PAGE SIZE: N+1'),
  );
  log(`  statements at first: 10, in the order the app reported them:`);
  ten.sql.forEach((s, i) => log(`   ${String(i + 1).padStart(2)}. ${abbreviate(s)}`));
  if (ten.statements !== ten.pool || hundred.statements !== hundred.pool)
    log(`  note: query events and pool queries differ (see above)`);
  if (hundred.statements > ten.statements) throw new Error('N+1: the statement count grows with the page size');
}
