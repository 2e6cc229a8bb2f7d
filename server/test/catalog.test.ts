// The public catalog over GraphQL: filters and facets checked against SQL, ordering, page sizes, and
// pagination that stays consistent while rows are inserted.
import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../src/graphql/context.ts';
import { schema } from '../src/graphql/schema/index.ts';
import { dbId } from './helpers.ts';
import { createPublicAvatars, TAXONOMY } from './fixtures.ts';
import { app, CATALOG, N, sqlHasTag, sqlMatches, tagIds } from './catalog-setup.ts';

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
