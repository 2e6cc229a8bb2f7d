import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext } from '../src/graphql/context.ts';
import { schema } from '../src/graphql/schema/index.ts';
import { dbId, startTestApp, tableCounts, type TestApp } from './helpers.ts';
import { createPublicAvatars, createTaxonomy, TAXONOMY } from './fixtures.ts';

let app: TestApp;
let tagIds: Map<string, string>;
const N = 60;

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

/** The filter semantics written independently, as sets in SQL: OR within a category, AND across. */
async function sqlMatches(slugs: string[], search?: string): Promise<Set<string>> {
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

async function sqlHasTag(slug: string): Promise<Set<string>> {
  const rows = await app.sql<{ id: string }>(
    `SELECT at."avatarId" AS id FROM "AvatarTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE t.slug = $1`,
    [slug],
  );
  return new Set(rows.map((r) => r.id));
}

describe('publicAvatars filter and facets', () => {
  const filters: string[][] = [
    [],
    ['femme'],
    ['femme', 'homme'],
    ['femme', 'homme', 'jeune'],
    ['homme', 'senior', 'medical'],
    ['jeune', 'adulte', 'tech', 'finance'],
    ['femme', 'senior', 'retail'],
  ];

  for (const tags of filters) {
    it(`matches SQL for tags [${tags.join(', ')}]`, async () => {
      const r = await app.gql(CATALOG, { first: 100, tags });
      const conn = r.data.publicAvatars;
      expect(conn.__typename).toBe('PublicAvatarConnection');
      const expected = await sqlMatches(tags);
      expect(conn.totalCount).toBe(expected.size);
      expect(new Set(conn.edges.map((e: any) => dbId(e.node.id)))).toEqual(expected);
      for (const e of conn.edges) expect(e.node).toMatchObject({ status: 'SUCCEEDED', visibility: 'PUBLIC' });

      // Facet of tag t in category C: the filter without C's selection, AND t.
      expect(conn.facets).toHaveLength(tagIds.size);
      for (const f of conn.facets) {
        const others = tags.filter(
          (s) => !(TAXONOMY as Record<string, readonly string[]>)[f.tag.category.slug]!.includes(s),
        );
        const base = await sqlMatches(others);
        const withTag = await sqlHasTag(f.tag.slug);
        expect(f.count, `facet ${f.tag.slug}`).toBe([...base].filter((id) => withTag.has(id)).length);
      }
    });
  }

  it('gives every avatar its own tags in slug order, on a page and through nodes(ids:)', async () => {
    const rows = await app.sql<{ id: string; slugs: string[] }>(
      `SELECT a.id, array_agg(t.slug ORDER BY t.slug) AS slugs FROM "Avatar" a
        JOIN "AvatarTag" at ON at."avatarId" = a.id JOIN "Tag" t ON t.id = at."tagId"
        WHERE a.visibility = 'PUBLIC' AND a.status = 'SUCCEEDED' GROUP BY a.id`,
    );
    const expected = new Map(rows.map((r) => [r.id, r.slugs]));
    const page = (await app.gql(CATALOG, { first: 100 })).data.publicAvatars;
    expect(page.edges).toHaveLength(N);
    for (const e of page.edges)
      expect(
        e.node.tags.map((t: any) => t.slug),
        e.node.name,
      ).toEqual(expected.get(dbId(e.node.id)));
    // Outside a page the tags come from one batched read for all the nodes asked for.
    const ids = page.edges.slice(0, 12).map((e: any) => e.node.id);
    const nodes = await app.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Avatar { tags { slug category { slug } } } } }`,
      { ids },
    );
    expect(nodes.errors).toBeUndefined();
    for (const n of nodes.data.nodes) {
      expect(n.tags.map((t: any) => t.slug)).toEqual(expected.get(dbId(n.id)));
      for (const t of n.tags)
        expect((TAXONOMY as Record<string, readonly string[]>)[t.category.slug]).toContain(t.slug);
    }
  });

  it('answers catalog reads through graphql-jit exactly as graphql-js does, variable defaults included', async () => {
    for (const variables of [
      { first: 7, tags: ['femme'], orderBy: 'NAME' },
      { last: 5, tags: ['homme', 'senior'] },
      { first: 3, tags: ['nope'] },
      { first: 0 },
    ]) {
      const viaHttp = await app.gql(CATALOG, variables);
      const ctx = await buildContext(app.app.deps, undefined);
      const direct = await execute({ schema, document: parse(CATALOG), contextValue: ctx, variableValues: variables });
      expect(viaHttp.data, JSON.stringify(variables)).toEqual(JSON.parse(JSON.stringify(direct.data)));
    }
    // graphql-jit would refuse a left-out variable that has a default: such a request runs on graphql-js.
    const defaulted = await app.gql(
      `query($first: Int! = 3) { publicAvatars(first: $first) {
        ... on PublicAvatarConnection { edges { node { name } } } } }`,
    );
    expect(defaulted.errors).toBeUndefined();
    expect(defaulted.data.publicAvatars.edges).toHaveLength(3);
  });

  it('searches names and combines search with tags', async () => {
    const r = await app.gql(CATALOG, { first: 100, search: 'avatar 01', tags: ['femme'] });
    const expected = await sqlMatches(['femme'], 'avatar 01');
    expect(expected.size).toBeGreaterThan(0);
    expect(r.data.publicAvatars.totalCount).toBe(expected.size);
    const wild = await app.gql(CATALOG, { first: 10, search: '%' });
    expect(wild.data.publicAvatars.totalCount).toBe(0);
  });

  it('names unknown tags in a typed error', async () => {
    const r = await app.gql(CATALOG, { first: 10, tags: ['femme', 'martien', 'xx'] });
    expect(r.status).toBe(200);
    expect(r.data.publicAvatars).toMatchObject({ __typename: 'UnknownTagsError', slugs: ['martien', 'xx'] });
  });

  it('refuses page sizes outside 1–100, both first and last, and foreign cursors', async () => {
    for (const vars of [
      { first: 0 },
      { first: 101 },
      { last: 500 },
      { first: -1 },
      { first: 5, last: 5 },
      { first: 5, after: 'garbage' },
      { last: 5, before: 'WyJOQU1FIiwiYSIsImIiXQ' },
    ]) {
      const r = await app.gql(CATALOG, vars);
      expect(r.status, JSON.stringify(vars)).toBe(200);
      expect(r.data.publicAvatars.__typename, JSON.stringify(vars)).toBe('ValidationError');
      expect(r.data.publicAvatars.fieldErrors.length).toBeGreaterThan(0);
    }
  });

  it('counts public avatars per tag in tagCategories', async () => {
    const r = await app.gql(`{ tagCategories { slug name tags { slug name avatarCount } } }`);
    expect(r.data.tagCategories.map((c: any) => c.slug)).toEqual(Object.keys(TAXONOMY));
    for (const c of r.data.tagCategories) {
      for (const t of c.tags) {
        const all = await sqlHasTag(t.slug);
        const visible = await sqlMatches([]);
        expect(t.avatarCount).toBe([...all].filter((id) => visible.has(id)).length);
      }
    }
  });
});

describe('publicAvatars pagination', () => {
  async function walk(orderBy: string, forward: boolean, size: number, between: (page: number) => Promise<void>) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const vars: Record<string, unknown> = forward
        ? { first: size, after: cursor, orderBy }
        : { last: size, before: cursor, orderBy };
      const conn = (await app.gql(CATALOG, vars)).data.publicAvatars;
      const names = conn.edges.map((e: any) => e.node.name);
      seen.push(...(forward ? names : names.reverse()));
      await between(page);
      const more = forward ? conn.pageInfo.hasNextPage : conn.pageInfo.hasPreviousPage;
      if (!more) break;
      cursor = forward ? conn.pageInfo.endCursor : conn.pageInfo.startCursor;
    }
    return seen;
  }

  it('walks every order forwards and backwards without duplicates or gaps while rows are inserted', async () => {
    let inserted = 1000;
    for (const orderBy of ['NEWEST', 'OLDEST', 'NAME']) {
      for (const forward of [true, false]) {
        const snapshot = (await app.gql(CATALOG, { first: 100, orderBy })).data.publicAvatars.edges.map(
          (e: any) => e.node.name,
        ) as string[];
        const seen = await walk(orderBy, forward, 7, async () => {
          // New rows land at the head (NEWEST), the tail (OLDEST) and in the middle (NAME) of the list.
          await createPublicAvatars(app, tagIds, 1, { start: inserted++, namePrefix: 'Avatar 02' });
        });
        const original = new Set(snapshot);
        const seenOriginal = seen.filter((n) => original.has(n));
        expect(new Set(seen).size, `${orderBy} ${forward ? 'forward' : 'backward'} duplicates`).toBe(seen.length);
        const expectedOrder = forward ? snapshot : [...snapshot].reverse();
        expect(seenOriginal, `${orderBy} ${forward ? 'forward' : 'backward'} gaps`).toEqual(expectedOrder);
      }
    }
  });
});

describe('media URLs', () => {
  it('presigns GET URLs for objects that exist', async () => {
    const avatar = await app.prisma.avatar.findFirstOrThrow({
      where: { visibility: 'PUBLIC', status: 'SUCCEEDED' },
      orderBy: { createdAt: 'asc' },
    });
    const image = Buffer.from('\x89PNG fake but stored bytes');
    const video = Buffer.from('mp4 bytes');
    await app.storage.put(`images/public-avatars/${avatar.id}.png`, image, 'image/png');
    await app.storage.put(`videos/avatars/public/${avatar.id}.mp4`, video, 'video/mp4');
    await app.prisma.avatar.update({
      where: { id: avatar.id },
      data: {
        imageStoragePath: `images/public-avatars/${avatar.id}.png`,
        videoStoragePath: `videos/avatars/public/${avatar.id}.mp4`,
      },
    });
    const gid = Buffer.from(`Avatar:${avatar.id}`).toString('base64');
    const r = await app.gql(`query($id: ID!) { node(id: $id) { ... on Avatar { imageUrl videoUrl } } }`, { id: gid });
    const { imageUrl, videoUrl } = r.data.node;
    expect(imageUrl).toMatch(/X-Amz-Signature=/);
    expect(Buffer.from(await (await fetch(imageUrl)).arrayBuffer())).toEqual(image);
    const v = await fetch(videoUrl);
    expect(v.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await v.arrayBuffer())).toEqual(video);
    expect((await fetch(imageUrl.replace(/X-Amz-Signature=\w+/, 'X-Amz-Signature=00'))).status).toBe(403);
  });
});

describe('catalog administration', () => {
  const CREATE_CATEGORY = `mutation($input: CreateTagCategoryInput!) { createTagCategory(input: $input) { __typename
    ... on MutationCreateTagCategorySuccess { data { id slug name } } ... on Error { message }
      ... on ValidationError { fieldErrors { path } } } }`;
  const CREATE_TAG = `mutation($input: CreateTagInput!) { createTag(input: $input) { __typename
    ... on MutationCreateTagSuccess { data { id slug name category { slug } avatarCount } } ... on Error { message }
      ... on ValidationError { fieldErrors { path } } } }`;
  const UPDATE = `mutation($input: UpdatePublicAvatarInput!) { updatePublicAvatar(input: $input) { __typename
    ... on MutationUpdatePublicAvatarSuccess { data { id name tags { slug } } } ... on UnknownTagsError { slugs }
      ... on Error { message } } }`;

  it('lets admins manage categories, tags and public avatars, and nobody else', async () => {
    const admin = await app.admin();
    const user = await app.signUp();
    const denied = await app.gql(CREATE_CATEGORY, { input: { name: 'Style' } }, user.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await app.gql(CREATE_CATEGORY, { input: { name: 'Style' } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const cat = (await app.gql(CREATE_CATEGORY, { input: { name: 'Style vestimentaire' } }, admin.token)).data
      .createTagCategory;
    expect(cat.data).toMatchObject({ slug: 'style-vestimentaire', name: 'Style vestimentaire' });
    const again = await app.gql(
      CREATE_CATEGORY,
      { input: { name: 'Other', slug: 'style-vestimentaire' } },
      admin.token,
    );
    expect(again.data.createTagCategory.__typename).toBe('ConflictError');
    const badSlug = await app.gql(CREATE_CATEGORY, { input: { name: 'Other', slug: 'Not A Slug' } }, admin.token);
    expect(badSlug.data.createTagCategory.fieldErrors[0].path).toEqual(['input', 'slug']);

    const tag = (await app.gql(CREATE_TAG, { input: { categoryId: cat.data.id, name: 'Décontracté' } }, admin.token))
      .data.createTag;
    expect(tag.data).toMatchObject({ slug: 'decontracte', category: { slug: 'style-vestimentaire' }, avatarCount: 0 });
    const dupTag = await app.gql(CREATE_TAG, { input: { categoryId: cat.data.id, name: 'Femme' } }, admin.token);
    expect(dupTag.data.createTag.__typename).toBe('ConflictError');
    const wrongCat = await app.gql(CREATE_TAG, { input: { categoryId: tag.data.id, name: 'X' } }, admin.token);
    expect(wrongCat.data.createTag.__typename).toBe('NotFoundError');

    const avatar = await app.prisma.avatar.findFirstOrThrow({ where: { visibility: 'PUBLIC', status: 'SUCCEEDED' } });
    const gid = Buffer.from(`Avatar:${avatar.id}`).toString('base64');
    const before = await tableCounts(app);
    const unknown = await app.gql(
      UPDATE,
      { input: { id: gid, name: 'Renamed', tagSlugs: ['femme', 'nope'] } },
      admin.token,
    );
    expect(unknown.data.updatePublicAvatar).toMatchObject({ __typename: 'UnknownTagsError', slugs: ['nope'] });
    const empty = await app.gql(UPDATE, { input: { id: gid, name: '  ' } }, admin.token);
    expect(empty.data.updatePublicAvatar.__typename).toBe('ValidationError');
    const byUser = await app.gql(UPDATE, { input: { id: gid, name: 'Mine' } }, user.token);
    expect(byUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tableCounts(app)).toEqual(before);
    expect((await app.prisma.avatar.findUniqueOrThrow({ where: { id: avatar.id } })).name).toBe(avatar.name);

    const COUNT = `{ publicAvatars(first: 1, tags: ["decontracte"]) {
      ... on PublicAvatarConnection { totalCount facets { tag { slug } count } } } }`;
    const countOf = (r: any) => ({
      total: r.data.publicAvatars.totalCount,
      facet: r.data.publicAvatars.facets.find((f: any) => f.tag.slug === 'decontracte').count,
    });
    expect(countOf(await app.gql(COUNT))).toEqual({ total: 0, facet: 0 });
    const ok = await app.gql(
      UPDATE,
      { input: { id: gid, name: 'Renamed', tagSlugs: ['decontracte', 'senior'] } },
      admin.token,
    );
    // Cached counts are dropped by the change: no stale facet after an admin edit.
    expect(countOf(await app.gql(COUNT))).toEqual({ total: 1, facet: 1 });
    expect(ok.data.updatePublicAvatar.data).toMatchObject({
      name: 'Renamed',
      tags: [{ slug: 'decontracte' }, { slug: 'senior' }],
    });
    const counted = await app.gql(`{ tagCategories { slug tags { slug avatarCount } } }`);
    const style = counted.data.tagCategories.find((c: any) => c.slug === 'style-vestimentaire');
    expect(style.tags).toEqual([{ slug: 'decontracte', avatarCount: 1 }]);

    const del = await app.gql(
      `mutation($id: ID!) { deleteTagCategory(input: { id: $id }) { __typename
        ... on MutationDeleteTagCategorySuccess { data } } }`,
      { id: cat.data.id },
      admin.token,
    );
    expect(del.data.deleteTagCategory.data).toBe(cat.data.id);
    expect(await app.prisma.tag.count({ where: { slug: 'decontracte' } })).toBe(0);
    const delAgain = await app.gql(
      `mutation($id: ID!) { deleteTagCategory(input: { id: $id }) { __typename } }`,
      { id: cat.data.id },
      admin.token,
    );
    expect(delAgain.data.deleteTagCategory.__typename).toBe('NotFoundError');
  });
});
