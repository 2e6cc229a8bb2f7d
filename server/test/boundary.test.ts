// The input boundary (every String/ID argument) and the error formatter of both transports, over real
// HTTP and WebSocket against the real database; IDs and cursors are in boundary-ids.test.ts.
import { describe, expect, it } from 'vitest';
import { tableCounts } from './helpers.ts';
import {
  app,
  CREATE_PROJECT,
  expectNoInternals,
  firstOf,
  GENERATE,
  logLines,
  projectId,
  user,
} from './boundary-setup.ts';

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
