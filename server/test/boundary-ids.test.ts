// The input boundary for IDs that name no row and cursors that are not of their list, over real HTTP
// against the real database; strings and the error formatter are in boundary.test.ts.
import { describe, expect, it } from 'vitest';
import { tableCounts } from './helpers.ts';
import { app, b64, expectNoInternals, projectId, user } from './boundary-setup.ts';

describe('IDs that name no row', () => {
  it(`give null from node for every node type, missing, deleted or malformed (repro: a missing Tag was a \
500)`, async () => {
    const admin = await app.admin();
    const category = (
      await app.gql(
        `mutation { createTagCategory(input: { name: "Doomed" }) {
          ... on MutationCreateTagCategorySuccess { data { id } } } }`,
        {},
        admin.token,
      )
    ).data.createTagCategory.data.id;
    const tag = (
      await app.gql(
        `mutation($c: ID!) { createTag(input: { categoryId: $c, name: "Doomed tag" }) {
          ... on MutationCreateTagSuccess { data { id } } } }`,
        { c: category },
        admin.token,
      )
    ).data.createTag.data.id;
    await app.gql(
      `mutation($id: ID!) { deleteTagCategory(input: { id: $id }) { __typename } }`,
      { id: category },
      admin.token,
    );
    const ids = [
      'VGFnOmRvZXNub3RleGlzdA==',
      tag,
      category,
      ...['User', 'Project', 'Avatar', 'Image', 'BRoll', 'Tag', 'TagCategory', 'ApiKey'].map((t) =>
        b64(`${t}:doesnotexist`),
      ),
      b64('Project:a\u0000b'),
      b64('Project:'),
      b64('Nope:1'),
      'garbage!!',
      '',
    ];
    for (const token of [user.token, admin.token, undefined]) {
      for (const id of ids) {
        const r = await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, token);
        expect(r.errors, id).toBeUndefined();
        expect(r.data.node, id).toBeNull();
      }
      // one such ID nulls its own position only
      const r = await app.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...ids, projectId] }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data.nodes).toEqual([...ids.map(() => null), token === user.token ? { id: projectId } : null]);
    }
  });

  it('takes at most 100 IDs in nodes', async () => {
    const hundred = await app.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: Array.from({ length: 100 }, () => projectId) },
      user.token,
    );
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.nodes).toHaveLength(100);
    const more = await app.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: Array.from({ length: 101 }, () => projectId) },
      user.token,
    );
    expect(more.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(more.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['ids']);
  });

  it('are a NotFoundError in mutations, as for a missing row, and null in project(id:)', async () => {
    const before = await tableCounts(app);
    for (const id of [b64('Project:a\u0000b'), b64('Project:doesnotexist'), b64('Avatar:1'), 'garbage!!', '']) {
      const r = await app.gql(
        `mutation($id: ID!) { renameProject(input: { id: $id, name: "x" }) { __typename } }`,
        { id },
        user.token,
      );
      expect(r.data.renameProject.__typename, id).toBe('NotFoundError');
      const read = await app.gql(`query($id: ID!) { project(id: $id) { id } }`, { id }, user.token);
      expect(read.errors, id).toBeUndefined();
      expect(read.data.project, id).toBeNull();
    }
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('cursors that are not of their list', () => {
  it('are a ValidationError on the catalog (repro: a date JavaScript parses but PostgreSQL does not)', async () => {
    const cursors = [
      'WyJORVdFU1QiLCIxIiwieCJd',
      Buffer.from(JSON.stringify(['NAME', 'a\u0000', 'x'])).toString('base64url'),
      Buffer.from(JSON.stringify(['NEWEST', '2024-01-01T00:00:00.000Z', 'a\u0000'])).toString('base64url'),
      Buffer.from(JSON.stringify(['OLDEST', '+275760-09-13T00:00:00.000Z', 'x'])).toString('base64url'),
      Buffer.from(JSON.stringify(['NEWEST', '2024-02-30T00:00:00.000Z', 'x'])).toString('base64url'),
    ];
    for (const after of cursors) {
      for (const orderBy of ['NEWEST', 'OLDEST', 'NAME']) {
        const r = await app.gql(
          `query($a: String, $o: CatalogOrder) { publicAvatars(after: $a, orderBy: $o) { __typename
            ... on ValidationError { message } } }`,
          { a: after, o: orderBy },
        );
        expect(r.errors, after).toBeUndefined();
        expect(r.data.publicAvatars.__typename, after).toBe('ValidationError');
        expect(r.data.publicAvatars.message).toMatch(/not a cursor of this list/i);
      }
    }
    const good = Buffer.from(JSON.stringify(['NEWEST', new Date().toISOString(), 'x'])).toString('base64url');
    expect(
      (await app.gql(`query($a: String) { publicAvatars(after: $a) { __typename } }`, { a: good })).data.publicAvatars
        .__typename,
    ).toBe('PublicAvatarConnection');
  });

  it('are BAD_USER_INPUT on every Prisma connection, whatever the tag inside', async () => {
    const crafted = [
      'GPC:N:5',
      'GPC:D:abc',
      'GPC:Z:',
      'GPC:I:9',
      'GPC:O:{"a":1}',
      'GPC:T:["S:x"]',
      'GPC:S:a\u0000b',
      'GPC:S:',
      'GPC:B:AAAA',
    ].map(b64);
    const page = `{ totalCount edges { cursor node { id } } }`;
    const lists = [
      `me { projects(after: $a) ${page} }`,
      `me { avatars(after: $a) ${page} }`,
      `me { bRolls(before: $b, last: 2) ${page} }`,
      `project(id: $p) { avatars(before: $b, last: 2) ${page} }`,
      `project(id: $p) { bRolls(after: $a) ${page} }`,
      `project(id: $p) { images(after: $a) ${page} }`,
      `node(id: $p) { ... on Project { images(before: $b, last: 1) ${page} } }`,
    ];
    for (const [cursor, list] of crafted.flatMap((c) => lists.map((l) => [c, l] as const))) {
      const v = list.includes('$a') ? 'a' : 'b';
      const usesProject = list.includes('$p');
      const r = await app.gql(
        `query(${usesProject ? '$p: ID!, ' : ''}$${v}: String) { ${list} }`,
        { ...(usesProject ? { p: projectId } : {}), [v]: cursor },
        user.token,
      );
      expect(r.status).toBe(200);
      expect(r.errors?.length, `${Buffer.from(cursor, 'base64').toString()} ${list}`).toBeGreaterThan(0);
      for (const e of r.errors!) {
        expect(e.extensions?.code, `${Buffer.from(cursor, 'base64').toString()}: ${e.message}`).toBe('BAD_USER_INPUT');
        expect(e.message).toMatch(/not a cursor of this list/i);
      }
      expectNoInternals(r);
    }
    // a cursor the list wrote still pages
    const end = (await app.gql(`{ me { projects(first: 1) { pageInfo { endCursor } } } }`, {}, user.token)).data.me
      .projects.pageInfo.endCursor;
    const next = await app.gql(
      `query($a: String) { me { projects(after: $a) { totalCount } } }`,
      { a: end },
      user.token,
    );
    expect(next.errors).toBeUndefined();
  });
});

/** The first message of a subscription over graphql-ws: a result, or the error sink's argument. */
