// The fuzz's fixtures: one live row of every node type owned by an admin (so admin-only fields get past
// authorization), a public avatar and tag for the catalog, another user's project, and deleted rows of every
// node type, deleted the way the product deletes them where it can.
import type { TestApp } from '../helpers.ts';
import { dbId, untilStatus } from '../helpers.ts';
import type { Fixtures } from './schema-values.ts';
import { baselineVariables } from './schema-values.ts';
import type { Target } from './schema-targets.ts';

export interface Identity {
  name: string;
  userId?: string;
  token?: string;
}

export interface FuzzFixtures {
  fx: Fixtures;
  /** Rows of another user, by node type. */
  foreign: Map<string, string[]>;
  owner: Identity;
  other: Identity;
}

export async function createFixtures(app: TestApp): Promise<FuzzFixtures> {
  const fx: Fixtures = {
    live: new Map(),
    deleted: new Map(),
    tagSlug: '',
    unique: (() => {
      let n = 0;
      return () => ++n;
    })(),
  };
  const foreign = new Map<string, string[]>();
  const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
  const addLive = (type: string, id: string, label?: string) =>
    fx.live.set(type, [...(fx.live.get(type) ?? []), { id, label }]);
  const addDeleted = (type: string, id: string) => fx.deleted.set(type, [...(fx.deleted.get(type) ?? []), id]);

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const r = await app.gql(query, variables, token);
    if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
    const result = Object.values(r.data)[0];
    if (result?.data === undefined) throw new Error(`fixture: ${JSON.stringify(r.data)}`);
    return result.data;
  }

  // The owner is an admin too, so that admin-only fields get past authorization with their own fixtures.
  const alice = await app.admin();
  const owner: Identity = { name: 'owner', userId: alice.userId, token: alice.token };
  const bob = await app.signUp('Bob');
  const other: Identity = { name: 'other user', userId: bob.userId, token: bob.token };
  const t = owner.token;

  const CREATE_PROJECT = `mutation($i: CreateProjectInput!) { createProject(input: $i) {
    ... on MutationCreateProjectSuccess { data { id } } ... on Error { message } } }`;
  const GENERATE = `mutation($i: GenerateImageInput!) { generateImage(input: $i) {
    ... on MutationGenerateImageSuccess { data { id } } ... on Error { message } } }`;
  const CREATE_AVATAR = `mutation($i: CreateAvatarInput!) { createAvatar(input: $i) {
    ... on MutationCreateAvatarSuccess { data { id } } ... on Error { message } } }`;
  const CREATE_BROLL = `mutation($i: CreateBRollInput!) { createBRoll(input: $i) {
    ... on MutationCreateBRollSuccess { data { id } } ... on Error { message } } }`;
  const project = (await ok(CREATE_PROJECT, { i: { name: 'Fuzz studio' } }, t)).id;
  addLive('Project', project);
  const forAvatar = (await ok(GENERATE, { i: { projectId: project, prompt: 'A nurse, portrait' } }, t)).id;
  const image = (await ok(GENERATE, { i: { projectId: project, prompt: 'A doctor, portrait' } }, t)).id;
  await untilStatus(app, t!, forAvatar);
  await untilStatus(app, t!, image);
  addLive('Image', image);
  const avatar = (await ok(CREATE_AVATAR, { i: { projectId: project, imageId: forAvatar, name: 'Fuzz avatar' } }, t))
    .id;
  const bRoll = (
    await ok(CREATE_BROLL, { i: { projectId: project, name: 'Fuzz b-roll', prompt: 'A city at night' } }, t)
  ).id;
  await untilStatus(app, t!, avatar);
  await untilStatus(app, t!, bRoll);
  addLive('Avatar', avatar);
  addLive('BRoll', bRoll);
  addLive('User', gid('User', owner.userId!));

  const category = (
    await ok(
      `mutation { createTagCategory(input: { name: "Fuzz", slug: "fuzz" }) {
        ... on MutationCreateTagCategorySuccess { data { id } } ... on Error { message } } }`,
      {},
      t,
    )
  ).id;
  const tag = await ok(
    `mutation($c: ID!) { createTag(input: { categoryId: $c, name: "Fuzzy", slug: "fuzzy" }) {
      ... on MutationCreateTagSuccess { data { id slug } } ... on Error { message } } }`,
    { c: category },
    t,
  );
  addLive('TagCategory', category);
  addLive('Tag', tag.id);
  fx.tagSlug = tag.slug;
  const publicAvatar = await app.prisma.avatar.create({
    data: {
      name: 'Public fuzz',
      visibility: 'PUBLIC',
      status: 'SUCCEEDED',
      tags: { create: [{ tagId: dbId(tag.id) }] },
    },
  });
  addLive('Avatar', gid('Avatar', publicAvatar.id), 'public');
  const apiKey = (
    await ok(
      `mutation { createApiKey(input: { name: "Fuzz partner" }) {
        ... on MutationCreateApiKeySuccess { data { apiKey { id } } } ... on Error { message } } }`,
      {},
      t,
    )
  ).apiKey.id;
  addLive('ApiKey', apiKey);

  foreign.set('Project', [(await ok(CREATE_PROJECT, { i: { name: 'Bob project' } }, bob.token)).id]);
  foreign.set('User', [gid('User', bob.userId)]);

  // Deleted rows of every node type, deleted the way the product deletes them where it can.
  const doomed = (await ok(CREATE_PROJECT, { i: { name: 'Doomed' } }, t)).id;
  const doomedImage = (await ok(GENERATE, { i: { projectId: doomed, prompt: 'Soon gone' } }, t)).id;
  const doomedBRoll = (await ok(CREATE_BROLL, { i: { projectId: doomed, name: 'Gone', prompt: 'Soon gone' } }, t)).id;
  const doomedAvatar = await app.prisma.avatar.create({
    data: { name: 'Gone', visibility: 'PRIVATE', status: 'FAILED', userId: owner.userId, projectId: dbId(doomed) },
  });
  await ok(
    `mutation($id: ID!) { deleteAvatar(input: { id: $id }) { ... on MutationDeleteAvatarSuccess { data }
      ... on Error { message } } }`,
    { id: gid('Avatar', doomedAvatar.id) },
    t,
  );
  await ok(
    `mutation($id: ID!) { deleteBRoll(input: { id: $id }) { ... on MutationDeleteBRollSuccess { data }
      ... on Error { message } } }`,
    { id: doomedBRoll },
    t,
  );
  await ok(
    `mutation($id: ID!) { deleteProject(input: { id: $id }) { ... on MutationDeleteProjectSuccess { data }
      ... on Error { message } } }`,
    { id: doomed },
    t,
  );
  const doomedCategory = (
    await ok(
      `mutation { createTagCategory(input: { name: "Gone", slug: "gone" }) {
        ... on MutationCreateTagCategorySuccess { data { id } } ... on Error { message } } }`,
      {},
      t,
    )
  ).id;
  const doomedTag = (
    await ok(
      `mutation($c: ID!) { createTag(input: { categoryId: $c, name: "Gone tag", slug: "gone-tag" }) {
        ... on MutationCreateTagSuccess { data { id } } ... on Error { message } } }`,
      { c: category },
      t,
    )
  ).id;
  await ok(
    `mutation($id: ID!) { deleteTag(input: { id: $id }) { ... on MutationDeleteTagSuccess { data }
      ... on Error { message } } }`,
    { id: doomedTag },
    t,
  );
  await ok(
    `mutation($id: ID!) { deleteTagCategory(input: { id: $id }) { ... on MutationDeleteTagCategorySuccess { data }
      ... on Error { message } } }`,
    { id: doomedCategory },
    t,
  );
  const doomedKey = (
    await ok(
      `mutation { createApiKey(input: { name: "Gone" }) { ... on MutationCreateApiKeySuccess { data { apiKey { id } } }
        ... on Error { message } } }`,
      {},
      t,
    )
  ).apiKey.id;
  await app.prisma.apiKey.delete({ where: { id: dbId(doomedKey) } });
  const doomedUser = await app.signUp('Gone');
  await app.prisma.user.delete({ where: { id: doomedUser.userId } });
  for (const [type, id] of [
    ['Project', doomed],
    ['Image', doomedImage],
    ['BRoll', doomedBRoll],
    ['Avatar', gid('Avatar', doomedAvatar.id)],
    ['Tag', doomedTag],
    ['TagCategory', doomedCategory],
    ['ApiKey', doomedKey],
    ['User', gid('User', doomedUser.userId)],
  ] as const)
    addDeleted(type, id);
  return { fx, foreign, owner, other };
}

/** One real cursor of each connection (by target name), to be sent to the other ones. */
export async function realCursorsOf(
  app: TestApp,
  targets: Target[],
  fx: Fixtures,
  nodeNames: string[],
  token?: string,
): Promise<Map<string, string[]>> {
  const realCursors = new Map<string, string[]>();
  for (const target of targets.filter((t) => t.connection)) {
    const r = await app.gql(target.cursorDocument, baselineVariables(target, fx, nodeNames), token);
    const cursors = new Set<string>();
    const walk = (v: unknown, key?: string) => {
      if (typeof v === 'string' && (key === 'startCursor' || key === 'endCursor')) cursors.add(v);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(r.data);
    if (cursors.size) realCursors.set(target.name, [...cursors].slice(0, 1));
  }
  return realCursors;
}
