// Whole answers to anonymous catalog requests are kept briefly; any catalog change drops them.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createCatalog } from '../src/catalog/catalog.ts';
import type { Tag } from '../src/generated/prisma/client.ts';
import { inProcessPubSub } from '../src/graphql/pubsub.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { createPublicAvatars, createTaxonomy } from './fixtures.ts';

let app: TestApp;
let tagIds: Map<string, string>;

beforeAll(async () => {
  app = await startTestApp();
  tagIds = await createTaxonomy(app);
  await createPublicAvatars(app, tagIds, 3);
});
afterAll(() => app.stop());

const PAGE = `query Page($tags: [String!]) { publicAvatars(first: 10, tags: $tags) {
  ... on PublicAvatarConnection { totalCount edges { node { id name } } } } }`;
const names = (r: any) => (r.data.publicAvatars.edges as { node: { name: string } }[]).map((e) => e.node.name).sort();

async function post(query: string, variables: object, headers: Record<string, string> = {}, raw?: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw ?? JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    requestId: res.headers.get('x-request-id'),
    body: (await res.json()) as any,
  };
}

it(
  'serves anonymous catalog pages from a short cache, never authenticated ones, ' + 'and drops it on a catalog change',
  async () => {
    const first = await post(PAGE, {});
    expect(names(first.body)).toEqual(['Avatar 000', 'Avatar 001', 'Avatar 002']);
    // An operation that reads more than the catalog is never kept.
    const MIXED = `query { publicAvatars(first: 10) {
      ... on PublicAvatarConnection { edges { node { id name } } } } me { id } }`;
    expect(names((await post(MIXED, {})).body)).toHaveLength(3);

    // A row written behind the API's back (no catalog event): the kept answer is served as it was...
    const [added] = await createPublicAvatars(app, tagIds, 1, { start: 3 });
    const cached = await post(PAGE, {}, { 'x-request-id': 'bench-1' });
    expect(cached.body).toEqual(first.body);
    expect(cached.type).toMatch(/^application\/json/);
    expect(cached.requestId).toBe('bench-1');
    // ...but not to a client asking for a fresh one, nor for other variables, nor to a signed-in user.
    expect(names((await post(PAGE, {}, { 'cache-control': 'no-cache' })).body)).toHaveLength(4);
    expect((await post(PAGE, { tags: ['femme', 'homme'] })).body.data.publicAvatars.totalCount).toBe(4);
    const user = await app.signUp();
    expect(names((await post(PAGE, {}, { authorization: `Bearer ${user.token}` })).body)).toHaveLength(4);
    expect(names((await post(MIXED, {})).body)).toHaveLength(4);

    // A change made through the API drops every kept answer (on every instance, through catalogChanged).
    const admin = await app.admin();
    const gid = Buffer.from(`Avatar:${added!.id}`).toString('base64');
    const renamed = await app.gql(
      `mutation($input: UpdatePublicAvatarInput!) { updatePublicAvatar(input: $input) { __typename } }`,
      { input: { id: gid, name: 'Renamed' } },
      admin.token,
    );
    expect(renamed.data.updatePublicAvatar.__typename).toBe('MutationUpdatePublicAvatarSuccess');
    expect(names((await post(PAGE, {})).body)).toEqual(['Avatar 000', 'Avatar 001', 'Avatar 002', 'Renamed']);
  },
);

it('answers a body that is not JSON with a 400, whether or not anything is kept', async () => {
  for (const raw of ['{"query": ', '"just a string"']) {
    const r = await post('', {}, {}, raw);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  }
});

it('keeps caches per Catalog: changed() drops its own at once, and every listening one on the event', async () => {
  const pubsub = inProcessPubSub();
  const a = createCatalog({ db: app.prisma, sql: app.app.deps.sql, pubsub });
  const b = createCatalog({ db: app.prisma, sql: app.app.deps.sql, pubsub });
  const listening = new AbortController();
  a.listen(listening.signal);
  b.listen(listening.signal);
  const all = { groups: [], search: null };
  const before = (await a.counts(all)).total;
  await b.counts(all);
  await a.taxonomy();
  const totalOf = (c: typeof a) => {
    const counts = c.counts(all);
    return counts instanceof Promise ? 'loading' : counts.total;
  };
  expect(a.taxonomy()).not.toBeInstanceOf(Promise);

  // A row written behind the catalog's back: both keep their counts (each its own), synchronously.
  await createPublicAvatars(app, tagIds, 1, { start: 10 });
  expect([totalOf(a), totalOf(b)]).toEqual([before, before]);
  const cleared = { a: 0, b: 0 };
  a.onCleared(() => cleared.a++);
  const removeB = b.onCleared(() => cleared.b++);

  const published = a.changed('test');
  expect(totalOf(a)).toBe('loading');
  expect(a.taxonomy()).toBeInstanceOf(Promise);
  await published;
  // a: its own clear, then the event (its own, heard like any other instance's); b: the event.
  await vi.waitFor(() => expect(cleared).toEqual({ a: 2, b: 1 }));
  expect((await a.counts(all)).total).toBe(before + 1);
  expect((await b.counts(all)).total).toBe(before + 1);

  // clear() is this instance's alone; a removed callback is not called again.
  removeB();
  b.clear();
  expect(cleared.b).toBe(1);
  expect(totalOf(a)).toBe(before + 1);
  expect(totalOf(b)).toBe('loading');
  listening.abort();
  await pubsub.close();
});

it("lists each page row's tags by its joined ids in slug order, reading a tag not in the taxonomy yet", async () => {
  const pubsub = inProcessPubSub();
  const catalog = createCatalog({ db: app.prisma, sql: app.app.deps.sql, pubsub });
  await catalog.taxonomy();
  const [femme, jeune] = [tagIds.get('femme')!, tagIds.get('jeune')!];
  const slugs = (lists: Tag[][]) => lists.map((list) => list.map((t) => t.slug));

  const known = catalog.tagLists([`${jeune},${femme}`, '', femme]);
  expect(known).not.toBeInstanceOf(Promise);
  expect(slugs(known as Tag[][])).toEqual([['femme', 'jeune'], [], ['femme']]);

  // Written behind this catalog's back (another instance, a moment ago): its row's list is read, the others kept.
  const { categoryId } = await app.prisma.tag.findUniqueOrThrow({ where: { id: femme } });
  const fresh = await app.prisma.tag.create({ data: { slug: 'aaa-fresh', name: 'Fresh', categoryId } });
  try {
    const lists = catalog.tagLists([`${femme},${fresh.id}`, jeune]);
    expect(lists).toBeInstanceOf(Promise);
    expect(slugs(await lists)).toEqual([['aaa-fresh', 'femme'], ['jeune']]);
  } finally {
    await app.prisma.tag.delete({ where: { id: fresh.id } });
    await pubsub.close();
  }
});
