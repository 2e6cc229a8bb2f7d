// The app the catalog tests share: a taxonomy, N public avatars, and private, pending and failed ones that
// never show; the catalog query, and the filter semantics written independently in SQL. Importing this
// module starts the app before the file's tests.
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './helpers.ts';
import { createPublicAvatars, createTaxonomy, TAXONOMY } from './fixtures.ts';

export let app: TestApp;
export let tagIds: Map<string, string>;
export const N = 60;

beforeAll(async () => {
  app = await startTestApp();
  tagIds = await createTaxonomy(app);
  await createPublicAvatars(app, tagIds, N);
  // Never in the catalog: private, pending and failed avatars.
  const owner = await app.signUp();
  const femme = tagIds.get('femme')!;
  await app.prisma.avatar.create({
    data: { name: 'Private', visibility: 'PRIVATE', status: 'SUCCEEDED', userId: owner.userId },
  });
  await app.prisma.avatar.create({
    data: { name: 'Pending', visibility: 'PUBLIC', status: 'PENDING', tags: { create: [{ tagId: femme }] } },
  });
  await app.prisma.avatar.create({
    data: { name: 'Failed', visibility: 'PUBLIC', status: 'FAILED', tags: { create: [{ tagId: femme }] } },
  });
});
afterAll(() => app.stop());

const CATALOG = `query($first: Int, $last: Int, $after: String, $before: String, $tags: [String!], $search: String,
  $orderBy: CatalogOrder) {
  publicAvatars(first: $first, last: $last, after: $after, before: $before, tags: $tags, search: $search,
    orderBy: $orderBy) {
    __typename
    ... on PublicAvatarConnection {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name status visibility tags { slug category { slug } } } }
      facets { tag { slug category { slug } } count }
    }
    ... on UnknownTagsError { message slugs }
    ... on ValidationError { message fieldErrors { path message } }
  }
}`;

export { CATALOG };

/** The filter semantics written independently, as sets in SQL: OR within a category, AND across. */
export async function sqlMatches(slugs: string[], search?: string): Promise<Set<string>> {
  const byCategory = new Map<string, string[]>();
  for (const s of slugs) {
    const cat = Object.entries(TAXONOMY).find(([, tags]) => (tags as readonly string[]).includes(s))![0];
    byCategory.set(cat, [...(byCategory.get(cat) ?? []), s]);
  }
  let sql = `SELECT id FROM "Avatar" WHERE status = 'SUCCEEDED' AND visibility = 'PUBLIC'`;
  const params: unknown[] = [];
  if (search) {
    params.push(`%${search}%`);
    sql += ` AND name ILIKE $${params.length}`;
  }
  for (const group of byCategory.values()) {
    params.push(group);
    sql += ` INTERSECT SELECT at."avatarId" FROM "AvatarTag" at JOIN "Tag" t ON t.id = at."tagId"
      WHERE t.slug = ANY($${params.length})`;
  }
  return new Set((await app.sql<{ id: string }>(sql, params)).map((r) => r.id));
}

export async function sqlHasTag(slug: string): Promise<Set<string>> {
  const rows = await app.sql<{ id: string }>(
    `SELECT at."avatarId" AS id FROM "AvatarTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE t.slug = $1`,
    [slug],
  );
  return new Set(rows.map((r) => r.id));
}
