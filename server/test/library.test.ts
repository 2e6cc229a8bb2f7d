// The library and project links over HTTP and WebSocket: an avatar made in project A, or a public one, added to
// project B without a copy, a generation or a cost; refusals; removal; what deleting either side does.
import { makeAvatar, makeProject } from './project-media.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50 });
});
afterAll(() => app.stop());

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const ADD = `mutation($p: ID!, $a: ID!) { addAvatarToProject(input: { projectId: $p, avatarId: $a }) { __typename
  ... on MutationAddAvatarToProjectSuccess { data { id name status project { id } } }
  ... on NotFoundError { message id } ... on ValidationError { message fieldErrors { path message } } } }`;
const REMOVE = `mutation($p: ID!, $a: ID!) { removeAvatarFromProject(input: { projectId: $p, avatarId: $a }) {
  __typename ... on MutationRemoveAvatarFromProjectSuccess { data { id } }
  ... on NotFoundError { message } ... on ValidationError { fieldErrors { path message } } } }`;
const PROJECT_AVATARS = `query($id: ID!, $first: Int, $after: String) { project(id: $id) {
  avatars(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
const LIBRARY = `query($p: ID, $s: GenerationStatus) { me { avatars(first: 50, projectId: $p, status: $s) {
  totalCount edges { node { id status project { id name } } } } } }`;
const USAGE = `{ me { usage(period: ALL) { generations totalCost } } }`;

const ids = async (token: string, projectId: string) =>
  (await app.gql(PROJECT_AVATARS, { id: projectId, first: 50 }, token)).data.project.avatars.edges.map(
    (e: any) => e.node.id,
  );

/** projectUpdated events of a project, as they come. */
function events(token: string, projectId: string): { seen: any[]; stop: () => void } {
  const seen: any[] = [];
  const stop = app.ws(token).subscribe(
    {
      query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind subjectId avatar { id name } } }`,
      variables: { id: projectId },
    },
    { next: (v) => seen.push(v.data?.projectUpdated), error: () => {}, complete: () => {} },
  );
  return { seen, stop };
}
async function until(what: string, check: () => boolean) {
  for (const end = Date.now() + 20_000; !check(); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
}

describe('library and project links', () => {
  it('adds an own avatar from project A to B: listed in both, announced, one row, nothing generated', async () => {
    const u = await app.signUp('Lia');
    const a = await makeProject(app, u.token, 'A');
    const b = await makeProject(app, u.token, 'B');
    const avatar = await makeAvatar(app, u.token, a, 'Claire');
    const older = await makeAvatar(app, u.token, b, 'Made in B');
    const submissions = app.emulator.counts().submissions;
    const attempts = await app.prisma.generationAttempt.count();
    const usage = (await app.gql(USAGE, {}, u.token)).data.me.usage;
    const live = events(u.token, b);
    await new Promise((r) => setTimeout(r, 300));

    const added = await app.gql(ADD, { p: b, a: avatar }, u.token);
    expect(added.data.addAvatarToProject).toMatchObject({
      __typename: 'MutationAddAvatarToProjectSuccess',
      data: { id: avatar, name: 'Claire', status: 'SUCCEEDED', project: { id: a } },
    });
    await until('the link event', () => live.seen.some((e) => e?.avatar?.id === avatar));
    expect(live.seen.find((e) => e?.subjectId === avatar)).toMatchObject({
      kind: 'AVATAR',
      avatar: { name: 'Claire' },
    });
    // Newest first by the avatar's own creation, as before: the link sits where the avatar's date puts it.
    expect(await ids(u.token, b)).toEqual([older, avatar]);
    expect(await ids(u.token, a)).toEqual([avatar]);
    const page = (await app.gql(PROJECT_AVATARS, { id: b, first: 1 }, u.token)).data.project.avatars;
    expect(page).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const next = (await app.gql(PROJECT_AVATARS, { id: b, first: 1, after: page.pageInfo.endCursor }, u.token)).data
      .project.avatars;
    expect(next.edges.map((e: any) => e.node.id)).toEqual([avatar]);

    // Again: idempotent, one link row, no second event.
    const before = live.seen.length;
    expect((await app.gql(ADD, { p: b, a: avatar }, u.token)).data.addAvatarToProject.data.id).toBe(avatar);
    expect((await app.gql(ADD, { p: a, a: avatar }, u.token)).data.addAvatarToProject.data.id).toBe(avatar);
    expect(await app.sql(`SELECT "projectId" FROM "ProjectAvatarLink" WHERE "avatarId" = $1`, [dbId(avatar)])).toEqual([
      { projectId: dbId(b) },
    ]);
    expect(app.emulator.counts().submissions).toBe(submissions);
    expect(await app.prisma.generationAttempt.count()).toBe(attempts);
    expect((await app.gql(USAGE, {}, u.token)).data.me.usage).toEqual(usage);
    await new Promise((r) => setTimeout(r, 300));
    expect(live.seen.length).toBe(before);

    // The library: all of mine, filtered by project (made there or added) and status.
    const lib = (p?: string, s?: string) => app.gql(LIBRARY, { p, s }, u.token).then((r) => r.data.me.avatars);
    expect((await lib()).totalCount).toBe(2);
    expect((await lib(b)).edges.map((e: any) => e.node.id)).toEqual([older, avatar]);
    expect((await lib(a)).edges.map((e: any) => e.node.id)).toEqual([avatar]);
    expect((await lib(undefined, 'FAILED')).totalCount).toBe(0);
    expect((await lib(a)).edges[0].node).toMatchObject({
      project: { id: a, name: 'A' },
    });

    // Removed from B: still in A, the link row gone, B's subscribers see it leave (avatar null).
    const removed = await app.gql(REMOVE, { p: b, a: avatar }, u.token);
    expect(removed.data.removeAvatarFromProject).toMatchObject({ data: { id: avatar } });
    await until('the unlink event', () => live.seen.filter((e) => e?.subjectId === avatar).length === 2);
    expect(live.seen.filter((e) => e?.subjectId === avatar).at(-1)).toMatchObject({ kind: 'AVATAR', avatar: null });
    expect(await ids(u.token, b)).toEqual([older]);
    expect(await ids(u.token, a)).toEqual([avatar]);
    // Made in A: removing it from A is refused (it is deleted instead), and nothing changes.
    const counts = await tableCounts(app);
    const own = await app.gql(REMOVE, { p: a, a: avatar }, u.token);
    expect(own.data.removeAvatarFromProject).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'avatarId'] }],
    });
    expect(await tableCounts(app)).toEqual(counts);
    live.stop();
  });

  it('adds a public avatar with no attempt, no cost and no copy; deleting the project keeps the avatar', async () => {
    const u = await app.signUp('Max');
    const b = await makeProject(app, u.token, 'B');
    const pub = await app.prisma.avatar.create({
      data: { name: 'Stock', visibility: 'PUBLIC', status: 'SUCCEEDED', videoStoragePath: 'avatars/public/x.mp4' },
    });
    const before = await tableCounts(app);
    const objects = (await app.storage.list('')).length;
    const added = await app.gql(ADD, { p: b, a: gid('Avatar', pub.id) }, u.token);
    expect(added.data.addAvatarToProject).toMatchObject({ data: { id: gid('Avatar', pub.id), project: null } });
    expect(await tableCounts(app)).toEqual({ ...before, ProjectAvatarLink: before.ProjectAvatarLink! + 1 });
    expect(await app.prisma.avatar.count()).toBe(before.Avatar);
    expect(await app.prisma.generationAttempt.count({ where: { userId: u.userId } })).toBe(0);
    expect((await app.storage.list('')).length).toBe(objects);
    expect((await app.gql(USAGE, {}, u.token)).data.me.usage).toEqual({ generations: 0, totalCost: 0 });
    expect(await ids(u.token, b)).toEqual([gid('Avatar', pub.id)]);
    // Not in "my" library: it is not mine.
    expect((await app.gql(LIBRARY, {}, u.token)).data.me.avatars.totalCount).toBe(0);

    const del = await app.gql(
      `mutation($id: ID!) { deleteProject(input: { id: $id }) { ... on MutationDeleteProjectSuccess { data } } }`,
      { id: b },
      u.token,
    );
    expect(del.data.deleteProject.data).toBe(b);
    expect(await app.prisma.avatar.findUnique({ where: { id: pub.id } })).toMatchObject({ name: 'Stock' });
    expect(await app.prisma.projectAvatarLink.count({ where: { avatarId: pub.id } })).toBe(0);
  });

  it('deleting project B keeps an avatar made in A; deleting the avatar removes its links', async () => {
    const u = await app.signUp('Noa');
    const [a, b, c] = [
      await makeProject(app, u.token, 'A'),
      await makeProject(app, u.token, 'B'),
      await makeProject(app, u.token, 'C'),
    ];
    const avatar = await makeAvatar(app, u.token, a, 'Kept');
    for (const p of [b, c]) await app.gql(ADD, { p, a: avatar }, u.token);
    await app.gql(`mutation($id: ID!) { deleteProject(input: { id: $id }) { __typename } }`, { id: b }, u.token);
    expect(await ids(u.token, a)).toEqual([avatar]);
    expect(await ids(u.token, c)).toEqual([avatar]);
    const row = await app.prisma.avatar.findUniqueOrThrow({ where: { id: dbId(avatar) } });
    expect(row.videoStoragePath).toBeTruthy();
    expect(await app.storage.stat(row.videoStoragePath!)).not.toBeNull();

    const live = events(u.token, c);
    await new Promise((r) => setTimeout(r, 300));
    await app.gql(`mutation($id: ID!) { deleteAvatar(input: { id: $id }) { __typename } }`, { id: avatar }, u.token);
    await until('the delete event in C', () => live.seen.some((e) => e?.subjectId === avatar && e.avatar === null));
    expect(await ids(u.token, c)).toEqual([]);
    expect(await app.prisma.projectAvatarLink.count({ where: { avatarId: dbId(avatar) } })).toBe(0);
    live.stop();
  });

  it('refuses with typed errors and writes nothing', async () => {
    const u = await app.signUp('Ola');
    const other = await app.signUp('Pia');
    const mine = await makeProject(app, u.token, 'Mine');
    const theirs = await makeProject(app, other.token, 'Theirs');
    const row = (status: 'PENDING' | 'FAILED' | 'SUCCEEDED', userId: string, visibility = 'PRIVATE' as const) =>
      app.prisma.avatar.create({ data: { name: status, status, visibility, userId, projectId: dbId(mine) } });
    const pending = await row('PENDING', u.userId);
    const failed = await row('FAILED', u.userId);
    const someoneElses = await app.prisma.avatar.create({
      data: {
        name: 'Theirs',
        status: 'SUCCEEDED',
        visibility: 'PRIVATE',
        userId: other.userId,
        projectId: dbId(theirs),
      },
    });
    const pendingPublic = await app.prisma.avatar.create({
      data: { name: 'Soon', status: 'PENDING', visibility: 'PUBLIC' },
    });
    const target = await makeProject(app, u.token, 'Target');
    const before = await tableCounts(app);

    for (const a of [pending, failed]) {
      const r = (await app.gql(ADD, { p: target, a: gid('Avatar', a.id) }, u.token)).data.addAvatarToProject;
      expect(r).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['input', 'avatarId'] }] });
      expect(r.fieldErrors[0].message).toContain(a.status);
    }
    for (const a of [someoneElses.id, pendingPublic.id, 'nope']) {
      const r = (await app.gql(ADD, { p: target, a: gid('Avatar', a) }, u.token)).data.addAvatarToProject;
      expect(r).toMatchObject({ __typename: 'NotFoundError', id: gid('Avatar', a) });
    }
    // Someone else's project, or an avatar ID of another type.
    const pub = await app.prisma.avatar.create({ data: { name: 'P', status: 'SUCCEEDED', visibility: 'PUBLIC' } });
    expect(
      (await app.gql(ADD, { p: theirs, a: gid('Avatar', pub.id) }, u.token)).data.addAvatarToProject,
    ).toMatchObject({ __typename: 'NotFoundError', id: theirs });
    expect((await app.gql(ADD, { p: target, a: target }, u.token)).data.addAvatarToProject.__typename).toBe(
      'NotFoundError',
    );
    expect((await app.gql(REMOVE, { p: target, a: gid('Avatar', someoneElses.id) }, u.token)).data).toMatchObject({
      removeAvatarFromProject: { __typename: 'NotFoundError' },
    });
    const anonymous = await app.gql(ADD, { p: target, a: gid('Avatar', pub.id) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await tableCounts(app)).toEqual({ ...before, Avatar: before.Avatar! + 1 });
    expect(await app.prisma.projectAvatarLink.count({ where: { projectId: dbId(target) } })).toBe(0);
  });
});
