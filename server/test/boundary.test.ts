// The input boundary (every String/ID argument, IDs and cursors) and the error formatter of both
// transports, over real HTTP and WebSocket against the real database.
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tableCounts, type TestApp } from './helpers.ts';

const written: string[] = [];
let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;
beforeAll(async () => {
  app = await startTestApp(
    {},
    { logLevel: 'error', logDestination: { write: (chunk: string) => void written.push(chunk) } },
  );
  user = await app.signUp();
  projectId = (
    await app.gql(
      `mutation { createProject(input: { name: "Boundary" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    )
  ).data.createProject.data.id;
});
afterAll(async () => {
  await app.stop();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
const logLines = () =>
  written
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

/** Nothing a client may see of the server: no internal message, stack, file path or SQL. */
function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(
    /INTERNAL_SERVER_ERROR|prisma|invalid byte sequence|22021|\.ts:\d+|\/work\/|node_modules|stacktrace|SELECT /i,
  );
}

const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename
  ... on ValidationError { fieldErrors { path message } } } }`;
const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) { __typename
  ... on MutationGenerateImageSuccess { data { id prompt } }
    ... on ValidationError { fieldErrors { path message } } } }`;

describe('strings at the boundary', () => {
  it(`refuses NUL, other controls and lone surrogates in a mutation input with a ValidationError at its path, writing \
nothing`, async () => {
    const before = await tableCounts(app);
    for (const name of [
      '\u0000',
      'a\u0000b',
      'bell\u0007',
      'esc\u001b[31m',
      '\ud800',
      'x\udfffy',
      'tab\there',
      'line\nbreak',
      'cr\rhere',
    ]) {
      const r = await app.gql(CREATE_PROJECT, { input: { name } }, user.token);
      expect(r.errors, JSON.stringify(name)).toBeUndefined();
      expect(r.data.createProject.__typename, JSON.stringify(name)).toBe('ValidationError');
      expect(r.data.createProject.fieldErrors).toEqual([{ path: ['input', 'name'], message: expect.any(String) }]);
    }
    for (const prompt of ['a\u0000b', '\ud800', 'form\u000cfeed']) {
      const r = await app.gql(GENERATE, { input: { projectId, prompt } }, user.token);
      expect(r.data.generateImage.__typename, JSON.stringify(prompt)).toBe('ValidationError');
      expect(r.data.generateImage.fieldErrors[0].path).toEqual(['input', 'prompt']);
    }
    // an ID argument of a mutation, before it is decoded or looked up
    const rename = await app.gql(
      `mutation($i: RenameProjectInput!) { renameProject(input: $i) { __typename
        ... on ValidationError { fieldErrors { path } } } }`,
      {
        i: { id: 'a\u0000', name: 'ok' },
      },
      user.token,
    );
    expect(rename.data.renameProject).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'id'] }],
    });
    expect(await tableCounts(app)).toEqual(before);
    expect(
      Number((await app.sql(`SELECT count(*)::int AS n FROM "Project" WHERE name LIKE '%' || chr(65533) || '%'`))[0].n),
    ).toBe(0);
  });

  it('accepts tab and line breaks in a prompt (multi-line text), not in a name', async () => {
    const prompt = 'a red bicycle\n\tagainst a wall\r\nat dusk';
    const r = await app.gql(GENERATE, { input: { projectId, prompt } }, user.token);
    expect(r.data.generateImage.__typename).toBe('MutationGenerateImageSuccess');
    const [row] = await app.sql(`SELECT prompt FROM "Image" WHERE prompt LIKE 'a red bicycle%'`);
    expect(row.prompt).toBe(prompt);
  });

  it('refuses them in list items and query arguments too, with the item path', async () => {
    const tags = await app.gql(
      `query($t: [String!]) { publicAvatars(tags: $t) { __typename ... on ValidationError { fieldErrors { path } } } }`,
      { t: ['ok', 'b\u0000d'] },
    );
    expect(tags.data.publicAvatars).toEqual({ __typename: 'ValidationError', fieldErrors: [{ path: ['tags', '1'] }] });
    const search = await app.gql(`query($s: String) { publicAvatars(search: $s) { __typename } }`, { s: '\ud83d' });
    expect(search.data.publicAvatars.__typename).toBe('ValidationError');
    const signIn = await app.gql(
      `mutation($i: SignInInput!) { signIn(input: $i) { __typename ... on ValidationError { fieldErrors { path } } } }`,
      {
        i: { email: 'a\u0000@example.com', password: 'whatever whatever' },
      },
    );
    expect(signIn.data.signIn).toEqual({ __typename: 'ValidationError', fieldErrors: [{ path: ['input', 'email'] }] });
  });

  it('answers a field without an error union with BAD_USER_INPUT and the argument path', async () => {
    for (const [query, variables, path] of [
      [`query($id: ID!) { project(id: $id) { id } }`, { id: 'x\u0000' }, ['id']],
      [`query($id: ID!) { node(id: $id) { id } }`, { id: '\ud800' }, ['id']],
      [`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['ok', 'n\u0000'] }, ['ids', '1']],
      [`query($a: String) { me { projects(after: $a) { totalCount } } }`, { a: 'c\u0000' }, ['after']],
    ] as const) {
      const r = await app.gql(query, variables, user.token);
      expect(r.status, query).toBe(200);
      expect(r.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.fieldErrors?.[0]?.path, query).toEqual(path);
      expectNoInternals(r);
    }
  });
});

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
function firstOf(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ next?: any; error?: any }> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          resolve({ next: value });
          stop();
        },
        error: (error) => resolve({ error }),
        complete: () => resolve({}),
      },
    );
  });
}

describe('errors over WebSocket', () => {
  it(`refuses a bad subscription argument with a typed error (repro: a NUL in a project ID gave the Prisma \
message)`, async () => {
    const nulInside = await firstOf(
      app.ws(user.token),
      `subscription($p: ID!) { projectUpdated(projectId: $p) { kind } }`,
      { p: 'UHJvamVjdDphAGI=' },
    );
    expectNoInternals(nulInside);
    expect(nulInside.next?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const nul = await firstOf(app.ws(user.token), `subscription($p: ID!) { projectUpdated(projectId: $p) { kind } }`, {
      p: 'a\u0000',
    });
    expect(nul.next?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['projectId'] }],
    });
  });

  it('masks an internal error on both transports and logs it with the request id', async () => {
    // A real internal failure: the table the subscription and the query read is gone for a moment.
    await app.sql(`ALTER TABLE "Project" RENAME TO "ProjectAway"`);
    try {
      const sub = await firstOf(
        app.ws(user.token),
        `subscription($p: ID!) { projectUpdated(projectId: $p) { kind } }`,
        { p: projectId },
      );
      expect(sub.next?.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(sub)).not.toMatch(/prisma|ProjectAway|does not exist|\.ts:\d+|\/work\//i);
      const query = await firstOf(app.ws(user.token), `query($p: ID!) { project(id: $p) { id } }`, { p: projectId });
      expect(query.next?.errors?.[0]?.message).toBe('Internal server error');
      expect(JSON.stringify(query)).not.toMatch(/prisma|ProjectAway|does not exist/i);

      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${user.token}`,
          'x-request-id': 'req-boundary-1',
        },
        body: JSON.stringify({ query: `query($p: ID!) { project(id: $p) { id } }`, variables: { p: projectId } }),
      });
      const body = (await res.json()) as any;
      expect(body.errors[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(body)).not.toMatch(/prisma|ProjectAway|does not exist|\.ts:\d+/i);
    } finally {
      await app.sql(`ALTER TABLE "ProjectAway" RENAME TO "Project"`);
    }
    const internal = logLines().filter((l) => l.event === 'graphql.internal_error');
    expect(internal.find((l) => l.requestId === 'req-boundary-1')?.err?.message).toMatch(/Project/);
    // the WebSocket's lines carry its connection's request id
    expect(internal.filter((l) => l.requestId && l.requestId !== 'req-boundary-1').length).toBeGreaterThanOrEqual(2);
  });
});
