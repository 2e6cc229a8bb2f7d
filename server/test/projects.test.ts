import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tableCounts, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename
  ... on MutationCreateProjectSuccess { data { id name createdAt } }
  ... on ValidationError { message fieldErrors { path message } } } }`;
const RENAME = `mutation($input: RenameProjectInput!) { renameProject(input: $input) { __typename
  ... on MutationRenameProjectSuccess { data { id name } }
  ... on NotFoundError { message id }
  ... on ValidationError { fieldErrors { path message } } } }`;
const DELETE = `mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { __typename
  ... on MutationDeleteProjectSuccess { data } ... on NotFoundError { message }
  ... on ValidationError { fieldErrors { path } } } }`;
const MY_PROJECTS = `query($first: Int, $after: String) { me { projects(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } } }`;

async function createProject(token: string, name: string): Promise<string> {
  const r = await app.gql(CREATE, { input: { name } }, token);
  return r.data.createProject.data.id;
}

describe('projects', () => {
  it('creates, lists newest first with pagination, renames and deletes', async () => {
    const { token } = await app.signUp();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createProject(token, `  Campagne ${i} `));
    const page1 = (await app.gql(MY_PROJECTS, { first: 3 }, token)).data.me.projects;
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e: any) => e.node.name)).toEqual(['Campagne 4', 'Campagne 3', 'Campagne 2']);
    const page2 = (await app.gql(MY_PROJECTS, { first: 3, after: page1.pageInfo.endCursor }, token)).data.me.projects;
    expect(page2.edges.map((e: any) => e.node.name)).toEqual(['Campagne 1', 'Campagne 0']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const renamed = await app.gql(RENAME, { input: { id: ids[0], name: 'Soldes' } }, token);
    expect(renamed.data.renameProject.data).toEqual({ id: ids[0], name: 'Soldes' });
    const got = await app.gql(
      `query($id: ID!) { project(id: $id) { id name } node(id: $id) { ... on Project { name } } }`,
      { id: ids[0] },
      token,
    );
    expect(got.data).toEqual({ project: { id: ids[0], name: 'Soldes' }, node: { name: 'Soldes' } });

    const del = await app.gql(DELETE, { input: { id: ids[1] } }, token);
    expect(del.data.deleteProject.data).toBe(ids[1]);
    expect(
      (await app.gql(`query($id: ID!) { project(id: $id) { id } }`, { id: ids[1] }, token)).data.project,
    ).toBeNull();
    expect((await app.gql(DELETE, { input: { id: ids[1] } }, token)).data.deleteProject.__typename).toBe(
      'NotFoundError',
    );
  });

  it('keeps another user out: their project is indistinguishable from a missing one', async () => {
    const alice = await app.signUp('Alice');
    const bob = await app.signUp('Bob');
    const id = await createProject(alice.token, 'Secret launch');
    const missing = Buffer.from('Project:doesnotexist').toString('base64');

    for (const target of [id, missing]) {
      const read = await app.gql(
        `query($id: ID!) { project(id: $id) { name } node(id: $id) { id } nodes(ids: [$id]) { id } }`,
        { id: target },
        bob.token,
      );
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({ project: null, node: null, nodes: [null] });
    }
    const before = await tableCounts(app);
    const renameOther = await app.gql(RENAME, { input: { id, name: 'Mine now' } }, bob.token);
    const renameMissing = await app.gql(RENAME, { input: { id: missing, name: 'Mine now' } }, bob.token);
    expect(renameOther.data.renameProject.__typename).toBe('NotFoundError');
    expect(renameOther.data.renameProject.message).toBe(renameMissing.data.renameProject.message.replace(missing, id));
    expect((await app.gql(DELETE, { input: { id } }, bob.token)).data.deleteProject.__typename).toBe('NotFoundError');
    expect(await tableCounts(app)).toEqual(before);
    expect((await app.gql(MY_PROJECTS, { first: 10 }, bob.token)).data.me.projects.totalCount).toBe(0);

    // ...and cannot subscribe to it either: an error, not silence.
    const events = await new Promise<{ error?: unknown }>((resolve) => {
      app.ws(bob.token).subscribe(
        { query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind } }`, variables: { id } },
        {
          next: (v: any) => resolve(v.errors ? { error: v.errors } : {}),
          error: (e) => resolve({ error: e }),
          complete: () => resolve({}),
        },
      );
    });
    expect(events.error).toBeTruthy();
  });

  it('pushes project changes to its owner over graphql-ws', async () => {
    const { token } = await app.signUp();
    const id = await createProject(token, 'Live');
    const client = app.ws(token);
    const received: any[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        {
          query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind project { name } } }`,
          variables: { id },
        },
        {
          next: (v) => {
            received.push(v.data?.projectUpdated);
            if (received.length === 2) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    await app.gql(RENAME, { input: { id, name: 'Live 2' } }, token);
    await app.gql(DELETE, { input: { id } }, token);
    await done;
    expect(received).toEqual([
      { kind: 'PROJECT', project: { name: 'Live 2' } },
      { kind: 'PROJECT', project: null },
    ]);
  });

  it('refuses a projectUpdated subscription with the codes and messages of queries', async () => {
    const { token } = await app.signUp();
    const id = await createProject(token, 'Private');
    const other = await app.signUp();
    const firstErrors = (client: ReturnType<TestApp['ws']>) =>
      new Promise<any>((resolve) => {
        client.subscribe(
          { query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind } }`, variables: { id } },
          { next: (v: any) => resolve(v.errors), error: (e) => resolve(e), complete: () => resolve(undefined) },
        );
      });
    expect((await firstErrors(app.ws()))?.[0]).toMatchObject({
      message: 'Sign in first.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect((await firstErrors(app.ws(other.token)))?.[0]).toMatchObject({
      message: `Project ${id} was not found.`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('refuses anonymous callers and bad input with typed errors, writing nothing', async () => {
    const { token } = await app.signUp();
    const id = await createProject(token, 'Keep');
    const before = await tableCounts(app);
    const anon = await app.gql(CREATE, { input: { name: 'x' } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonRead = await app.gql(`query($id: ID!) { project(id: $id) { id } }`, { id });
    expect(anonRead.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    for (const name of ['', '   ', 'x'.repeat(101)]) {
      const r = await app.gql(CREATE, { input: { name } }, token);
      expect(r.data.createProject.__typename).toBe('ValidationError');
      expect(r.data.createProject.fieldErrors[0].path).toEqual(['input', 'name']);
      const rn = await app.gql(RENAME, { input: { id, name } }, token);
      expect(rn.data.renameProject.fieldErrors[0].path).toEqual(['input', 'name']);
    }
    // An ID that names no project of this type is a missing row, whatever is wrong with it.
    for (const bad of ['not-a-global-id', Buffer.from('Avatar:1').toString('base64'), '']) {
      const r = await app.gql(RENAME, { input: { id: bad, name: 'ok' } }, token);
      expect(r.data.renameProject.__typename, bad).toBe('NotFoundError');
    }
    // Wrong types and missing arguments are GraphQL validation errors (400), never a 500.
    for (const query of [
      `mutation { createProject(input: { name: 42 }) { __typename } }`,
      `mutation { createProject { __typename } }`,
      `{ nope }`,
      `not graphql`,
    ]) {
      const r = await app.gql(query, {}, token);
      expect(r.status, query).toBe(400);
    }
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('partner API keys', () => {
  it('are created by admins, read the catalog only, and stop working when revoked', async () => {
    const admin = await app.admin();
    const user = await app.signUp();
    const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename
      ... on MutationCreateApiKeySuccess { data { key apiKey { id name prefix scopes } } }
      ... on ValidationError { message } } }`;
    expect((await app.gql(CREATE_KEY, { input: { name: 'Partner' } }, user.token)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await app.gql(CREATE_KEY, { input: { name: ' ' } }, admin.token)).data.createApiKey.__typename).toBe(
      'ValidationError',
    );
    const created = (await app.gql(CREATE_KEY, { input: { name: 'Agence Partenaire' } }, admin.token)).data.createApiKey
      .data;
    expect(created.key).toMatch(/^bak_/);
    expect(created.apiKey).toMatchObject({
      name: 'Agence Partenaire',
      scopes: ['catalog:read'],
      prefix: created.key.slice(0, 12),
    });
    const row = await app.prisma.apiKey.findFirstOrThrow({ where: { name: 'Agence Partenaire' } });
    expect(row.keyHash).not.toContain(created.key);
    const listed = await app.gql(`{ apiKeys { name prefix } }`, {}, admin.token);
    expect(listed.data.apiKeys).toContainEqual({ name: 'Agence Partenaire', prefix: created.apiKey.prefix });
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const key = created.key;
    const catalog = await app.gql(
      `{ tagCategories { slug } publicAvatars(first: 5) { ... on PublicAvatarConnection { totalCount } } }`,
      {},
      key,
    );
    expect(catalog.errors).toBeUndefined();
    expect(catalog.extensions?.cost).toBeGreaterThan(0);
    expect(catalog.extensions?.rateLimit).toEqual({
      perMinute: 100_000,
      remaining: 100_000 - catalog.extensions?.cost,
    });

    const projectId = await createProject(user.token, 'Private');
    for (const query of [
      `{ me { id } }`,
      `query { project(id: "${projectId}") { id } }`,
      `mutation { createProject(input: { name: "x" }) { __typename } }`,
      `{ apiKeys { id } }`,
    ]) {
      const r = await app.gql(query, {}, key);
      expect(r.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(r.status).toBe(403);
    }
    const nodeOfPrivate = await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: projectId }, key);
    expect(nodeOfPrivate.data.node).toBeNull();

    const revoke = await app.gql(
      `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { __typename
        ... on MutationRevokeApiKeySuccess { data { revokedAt } } } }`,
      { id: created.apiKey.id },
      admin.token,
    );
    expect(revoke.data.revokeApiKey.data.revokedAt).toBeTruthy();
    const after = await app.gql(`{ tagCategories { slug } }`, {}, key);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('malformed IDs and cursors', () => {
  it(
    'name no node (null), and a malformed cursor or page size is a client error (BAD_USER_INPUT), ' + 'never a 500',
    async () => {
      const { token } = await app.signUp();
      for (const query of [
        '{ node(id: "garbage!!") { id } }',
        '{ node(id: "") { id } }',
        `{ node(id: "${Buffer.from('Nope:1').toString('base64')}") { id } }`,
      ]) {
        const r = await app.gql(query, {}, token);
        expect(r.errors, query).toBeUndefined();
        expect(r.data.node, query).toBeNull();
      }
      expect((await app.gql('{ nodes(ids: ["x", "eQ=="]) { id } }', {}, token)).data.nodes).toEqual([null, null]);
      for (const query of [
        '{ me { projects(first: -1) { totalCount } } }',
        '{ me { projects(after: "garbage") { totalCount } } }',
      ]) {
        const r = await app.gql(query, {}, token);
        expect(r.status, query).toBe(200);
        expect(r.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
        expect(r.errors?.[0]?.message, query).toMatch(/not a cursor of this list|non-negative/i);
      }
    },
  );
});
