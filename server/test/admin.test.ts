// The admin screens' API over HTTP: the display order of categories and tags (reorder, persisted, refused
// whole when stale), every public avatar whatever its status, deleting one (it leaves the catalog and the
// counts), publishing one from a studio image through the emulator, and nobody but admins doing any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { listPublicAvatarsForAdmin } from '../src/domain/admin/list-public-avatars.ts';
import { reorderTagCategories } from '../src/domain/admin/reorder-tag-categories.ts';
import { ForbiddenError, InvalidInputError, UnauthenticatedError } from '../src/domain/errors.ts';
import { dbId, startTestApp, tableCounts, untilStatus, type TestApp } from './helpers.ts';

let app: TestApp;
let admin: { token: string; userId: string };
let user: { token: string; userId: string };

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.admin();
  user = await app.signUp();
});
afterAll(() => app.stop());

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const CREATE_CATEGORY = `mutation($input: CreateTagCategoryInput!) { createTagCategory(input: $input) {
  ... on MutationCreateTagCategorySuccess { data { id slug position } } ... on Error { message } } }`;
const CREATE_TAG = `mutation($input: CreateTagInput!) { createTag(input: $input) {
  ... on MutationCreateTagSuccess { data { id slug position avatarCount } } ... on Error { message } } }`;
const REORDER_CATEGORIES = `mutation($ids: [ID!]!) { reorderTagCategories(input: { ids: $ids }) { __typename
  ... on MutationReorderTagCategoriesSuccess { data { slug position } }
  ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const REORDER_TAGS = `mutation($categoryId: ID!, $ids: [ID!]!) {
  reorderTags(input: { categoryId: $categoryId, ids: $ids }) {
  __typename ... on MutationReorderTagsSuccess { data { slug tags { slug position } } }
  ... on ValidationError { fieldErrors { path } } ... on Error { message } } }`;
const TAXONOMY = `{ tagCategories { slug tags { slug } } }`;
const ADMIN_AVATARS = `query($search: String, $first: Int) { adminPublicAvatars(first: $first, search: $search) {
  totalCount edges { node { id name status } } pageInfo { hasNextPage endCursor } } }`;

async function category(slug: string) {
  const r = await app.gql(CREATE_CATEGORY, { input: { name: slug.toUpperCase(), slug } }, admin.token);
  return r.data.createTagCategory.data as { id: string; slug: string; position: number };
}
async function tag(categoryId: string, slug: string) {
  const r = await app.gql(CREATE_TAG, { input: { categoryId, name: slug, slug } }, admin.token);
  return r.data.createTag.data as { id: string; slug: string; position: number; avatarCount: number };
}

describe('display order', () => {
  it('appends new categories and tags, reorders them, and the catalog shows the new order', async () => {
    const [a, b, c] = [await category('ord-a'), await category('ord-b'), await category('ord-c')];
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
    // Names sort z, m, a: the name order is the opposite of the creation (position) order.
    const tags = [await tag(a.id, 'z-tag'), await tag(a.id, 'm-tag'), await tag(a.id, 'a-tag')];
    expect(tags.map((t) => t.position)).toEqual([0, 1, 2]);
    expect((await app.gql(TAXONOMY)).data.tagCategories[0].tags.map((t: any) => t.slug)).toEqual([
      'z-tag',
      'm-tag',
      'a-tag',
    ]);

    const r = await app.gql(REORDER_CATEGORIES, { ids: [c.id, a.id, b.id] }, admin.token);
    expect(r.data.reorderTagCategories.data).toEqual([
      { slug: 'ord-c', position: 0 },
      { slug: 'ord-a', position: 1 },
      { slug: 'ord-b', position: 2 },
    ]);
    const t = await app.gql(
      REORDER_TAGS,
      { categoryId: a.id, ids: [tags[2]!.id, tags[0]!.id, tags[1]!.id] },
      admin.token,
    );
    expect(t.data.reorderTags.data.tags).toEqual([
      { slug: 'a-tag', position: 0 },
      { slug: 'z-tag', position: 1 },
      { slug: 'm-tag', position: 2 },
    ]);

    // Persisted, and the catalog (anonymous, cached taxonomy dropped by the change) reads it at once.
    const rows = await app.prisma.tagCategory.findMany({ orderBy: { position: 'asc' }, select: { slug: true } });
    expect(rows.map((row) => row.slug)).toEqual(['ord-c', 'ord-a', 'ord-b']);
    const shown = (await app.gql(TAXONOMY)).data.tagCategories;
    expect(shown.map((cat: any) => cat.slug)).toEqual(['ord-c', 'ord-a', 'ord-b']);
    expect(shown[1].tags.map((x: any) => x.slug)).toEqual(['a-tag', 'z-tag', 'm-tag']);
    const facets = await app.gql(
      `{ publicAvatars(first: 1) { ... on PublicAvatarConnection { facets { tag { slug } } } } }`,
    );
    expect(facets.data.publicAvatars.facets.map((f: any) => f.tag.slug)).toEqual(['a-tag', 'z-tag', 'm-tag']);

    // A stale or wrong list is refused whole: a missing, a repeated, another type's or a malformed ID.
    const before = await tableCounts(app);
    const positions = await app.sql(
      `SELECT slug, position FROM "TagCategory" UNION ALL SELECT slug, position FROM "Tag" ORDER BY slug`,
    );
    for (const ids of [
      [c.id, a.id],
      [c.id, a.id, b.id, a.id],
      [c.id, a.id, tags[0]!.id],
      [c.id, a.id, 'nope'],
    ]) {
      const bad = await app.gql(REORDER_CATEGORIES, { ids }, admin.token);
      expect(bad.data.reorderTagCategories.__typename, JSON.stringify(ids)).toBe('ValidationError');
      expect(bad.data.reorderTagCategories.fieldErrors[0].path.slice(0, 2)).toEqual(['input', 'ids']);
    }
    const badTags = await app.gql(REORDER_TAGS, { categoryId: a.id, ids: [tags[0]!.id] }, admin.token);
    expect(badTags.data.reorderTags.fieldErrors[0].path).toEqual(['input', 'ids']);
    const otherCategory = await app.gql(REORDER_TAGS, { categoryId: b.id, ids: [tags[0]!.id] }, admin.token);
    expect(otherCategory.data.reorderTags.__typename).toBe('ValidationError');
    const noCategory = await app.gql(REORDER_TAGS, { categoryId: tags[0]!.id, ids: [] }, admin.token);
    expect(noCategory.data.reorderTags.__typename).toBe('NotFoundError');
    expect(await tableCounts(app)).toEqual(before);
    expect(
      await app.sql(
        `SELECT slug, position FROM "TagCategory" UNION ALL SELECT slug, position FROM "Tag" ORDER BY slug`,
      ),
    ).toEqual(positions);
  });
});

describe('public avatars for admins', () => {
  it('lists every public avatar whatever its status, counts ready ones, deletes one from the catalog', async () => {
    const cat = await category('admin-list');
    const t = await tag(cat.id, 'admin-list-tag');
    const withTag = { tags: { create: [{ tagId: dbId(t.id) }] } };
    const ready = await app.prisma.avatar.create({
      data: { name: 'Listed Ready', visibility: 'PUBLIC', status: 'SUCCEEDED', ...withTag },
    });
    await app.prisma.avatar.create({ data: { name: 'Listed Pending', visibility: 'PUBLIC', ...withTag } });
    await app.prisma.avatar.create({
      data: { name: 'Listed Failed', visibility: 'PUBLIC', status: 'FAILED', failureReason: 'x', ...withTag },
    });
    await app.prisma.avatar.create({
      data: { name: 'Listed Private', visibility: 'PRIVATE', status: 'SUCCEEDED', userId: user.userId },
    });
    // Written past the use cases: drop the catalog's cached counts as they would have.
    await app.app.deps.catalog.changed('test fixtures');

    const all = (await app.gql(ADMIN_AVATARS, { search: 'listed', first: 2 }, admin.token)).data.adminPublicAvatars;
    expect(all.totalCount).toBe(3);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const rest = await app.gql(
      `query($after: String) { adminPublicAvatars(first: 2, after: $after, search: "LISTED") {
        edges { node { name status } } } }`,
      { after: all.pageInfo.endCursor },
      admin.token,
    );
    const names = [...all.edges, ...rest.data.adminPublicAvatars.edges].map((e: any) => e.node.name);
    expect(names).toEqual(['Listed Failed', 'Listed Pending', 'Listed Ready']); // newest first, no private one

    const COUNTS = `{ tagCategories { slug tags { slug avatarCount } }
      publicAvatars(tags: ["admin-list-tag"]) { ... on PublicAvatarConnection { totalCount edges { node { id } } } } }`;
    const countOf = (r: any) => ({
      tag: r.data.tagCategories.find((c: any) => c.slug === 'admin-list').tags[0].avatarCount,
      catalog: r.data.publicAvatars.totalCount,
      ids: r.data.publicAvatars.edges.map((e: any) => e.node.id),
    });
    const readyId = gid('Avatar', ready.id);
    expect(countOf(await app.gql(COUNTS))).toEqual({ tag: 1, catalog: 1, ids: [readyId] });

    const DELETE = `mutation($id: ID!) { deleteAvatar(input: { id: $id }) { __typename
      ... on MutationDeleteAvatarSuccess { data } ... on Error { message } } }`;
    const before = await tableCounts(app);
    expect((await app.gql(DELETE, { id: readyId }, user.token)).data.deleteAvatar.__typename).toBe('NotFoundError');
    expect((await app.gql(DELETE, { id: readyId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await tableCounts(app)).toEqual(before);

    expect((await app.gql(DELETE, { id: readyId }, admin.token)).data.deleteAvatar.data).toBe(readyId);
    expect(countOf(await app.gql(COUNTS))).toEqual({ tag: 0, catalog: 0, ids: [] });
    expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: readyId })).data.node).toBeNull();
    expect(await app.prisma.avatarTag.count({ where: { avatarId: ready.id } })).toBe(0);
    const after = (await app.gql(ADMIN_AVATARS, { search: 'listed' }, admin.token)).data.adminPublicAvatars;
    expect(after.totalCount).toBe(2);
  });

  it('publishes an avatar from a studio image that then shows in the catalog under its tag', async () => {
    const cat = await category('published');
    const t = await tag(cat.id, 'published-tag');
    const project = await app.gql(
      `mutation { createProject(input: { name: "Admin studio" }) {
        ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      admin.token,
    );
    const image = await app.gql(
      `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "Portrait of a chemist" }) {
        ... on MutationGenerateImageSuccess { data { id } } } }`,
      { p: project.data.createProject.data.id },
      admin.token,
    );
    const imageId = image.data.generateImage.data.id;
    await untilStatus(app, admin.token, imageId);
    const created = await app.gql(
      `mutation($input: CreatePublicAvatarInput!) { createPublicAvatar(input: $input) { __typename
        ... on MutationCreatePublicAvatarSuccess { data { id status visibility tags { slug } } }
        ... on Error { message } } }`,
      { input: { name: 'Published Chemist', imageId, tagSlugs: [t.slug] } },
      admin.token,
    );
    const avatar = created.data.createPublicAvatar.data;
    expect(avatar).toMatchObject({ status: 'PENDING', visibility: 'PUBLIC', tags: [{ slug: 'published-tag' }] });
    const listed = (await app.gql(ADMIN_AVATARS, { search: 'Published Chemist' }, admin.token)).data;
    expect(listed.adminPublicAvatars.edges.map((e: any) => e.node.id)).toEqual([avatar.id]);
    await untilStatus(app, admin.token, avatar.id);
    const catalog = await app.gql(
      `{ publicAvatars(tags: ["published-tag"]) { ... on PublicAvatarConnection { edges { node { id name } } } } }`,
    );
    expect(catalog.data.publicAvatars.edges).toEqual([{ node: { id: avatar.id, name: 'Published Chemist' } }]);
  });
});

describe('nobody but admins', () => {
  it('refuses users and anonymous callers every admin operation, and changes nothing', async () => {
    const cat = await category('guarded');
    const t = await tag(cat.id, 'guarded-tag');
    const before = await tableCounts(app);
    const calls: [string, Record<string, unknown>][] = [
      [REORDER_CATEGORIES, { ids: [cat.id] }],
      [REORDER_TAGS, { categoryId: cat.id, ids: [t.id] }],
      [ADMIN_AVATARS, {}],
      [`{ apiKeys { id } }`, {}],
      [`{ usageByUser { __typename } }`, {}],
      [`mutation { createApiKey(input: { name: "X" }) { __typename } }`, {}],
    ];
    for (const [query, variables] of calls) {
      const asUser = await app.gql(query, variables, user.token);
      expect(asUser.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      const asAnyone = await app.gql(query, variables);
      expect(asAnyone.errors?.[0]?.extensions?.code, query).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    }
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('the use cases called directly', () => {
  it('authorize inside, refuse a stale order with an InvalidInputError, and announce the change', async () => {
    const deps = app.app.deps;
    const asAdmin: Actor = { kind: 'user', id: admin.userId, role: 'ADMIN' };
    const asUser: Actor = { kind: 'user', id: user.userId, role: 'USER' };
    const ids = (await deps.db.tagCategory.findMany({ orderBy: { position: 'asc' } })).map((c) =>
      gid('TagCategory', c.id),
    );
    await expect(reorderTagCategories(deps, { kind: 'anonymous' }, { ids })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    await expect(reorderTagCategories(deps, asUser, { ids })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listPublicAvatarsForAdmin(deps, asUser, {}, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reorderTagCategories(deps, asAdmin, { ids: ids.slice(1) })).rejects.toBeInstanceOf(InvalidInputError);

    const stop = new AbortController();
    const events = deps.pubsub.subscribe('catalogChanged', 'all', stop.signal)[Symbol.asyncIterator]();
    const next = events.next();
    await new Promise((r) => setTimeout(r, 50));
    const reversed = await reorderTagCategories(deps, asAdmin, { ids: [...ids].reverse() });
    expect(reversed.map((c) => gid('TagCategory', c.id))).toEqual([...ids].reverse());
    expect((await next).value).toEqual({ reason: 'tag categories reordered' });
    stop.abort();
  });
});
