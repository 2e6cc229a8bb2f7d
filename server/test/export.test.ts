// exportProject: a ZIP of the project's finished media and a manifest, built by a job, streamed into
// storage under exports/{userId}/, announced once on projectUpdated, kept 24 h, the owner's only.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport } from '../src/domain/exports/build-export.ts';
import { sweepExports } from '../src/domain/exports/sweep-exports.ts';
import { dbId, startTestApp, waitFor, type TestApp } from './helpers.ts';
import { makeImage, makeProject, makeProjectMedia, type ProjectMedia } from './project-media.ts';

let app: TestApp;
let owner: { token: string; userId: string };
let other: { token: string; userId: string };
let media: ProjectMedia;
let dir: string;
const events: { kind: string; subjectId: string; export: { id: string; status: string; url: string | null } | null }[] =
  [];
const TTL_MS = 24 * 3600_000;

beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50 });
  owner = await app.signUp();
  other = await app.signUp();
  media = await makeProjectMedia(app, owner.token, {
    project: 'Campagne d’été',
    image: 'Une plage au soleil',
    avatar: 'Léa',
    bRoll: 'Vagues',
  });
  await makeImage(app, owner.token, media.projectId, 'Une plage au soleil');
  dir = await mkdtemp(join(tmpdir(), 'better-ads-export-'));
  app.ws(owner.token).subscribe(
    {
      query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind subjectId export { id status url } } }`,
      variables: { id: media.projectId },
    },
    { next: (v: any) => v.data && events.push(v.data.projectUpdated), error: () => {}, complete: () => {} },
  );
  await new Promise((r) => setTimeout(r, 300));
}, 300_000);
afterAll(async () => {
  await app.stop();
  await rm(dir, { recursive: true, force: true });
});

const EXPORT = `mutation($p: ID!) { exportProject(input: { projectId: $p }) { __typename
  ... on MutationExportProjectSuccess { data { id status url createdAt } } ... on Error { message } } }`;
const exportEvents = (id: string) => events.filter((e) => e.kind === 'EXPORT' && e.subjectId === id);
const unzip = (...args: string[]) => execFileSync('unzip', args, { encoding: 'utf8' });

describe('project export', () => {
  let exportId: string;

  it('builds a ZIP of the media and a manifest, announced once on projectUpdated', async () => {
    const [a, b] = await Promise.all([
      app.gql(EXPORT, { p: media.projectId }, owner.token),
      app.gql(EXPORT, { p: media.projectId }, owner.token),
    ]);
    const started = a.data.exportProject.data;
    expect(started.status).toBe('PENDING');
    expect(started.url).toBeNull();
    // A second click while it is built gets the same export.
    expect(b.data.exportProject.data.id).toBe(started.id);
    exportId = started.id;

    const done = await waitFor('the SUCCEEDED event', async () => exportEvents(exportId)[0], 120_000);
    expect(done.export!.status).toBe('SUCCEEDED');
    const url = done.export!.url!;
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('900');

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Campagne d_ete.zip"');
    const zipPath = join(dir, 'export.zip');
    await writeFile(zipPath, Buffer.from(await res.arrayBuffer()));
    expect(unzip('-tq', zipPath)).toMatch(/No errors detected/);
    const avatar = await app.prisma.avatar.findUniqueOrThrow({ where: { id: dbId(media.avatarId) } });
    const bRoll = await app.prisma.bRoll.findUniqueOrThrow({ where: { id: dbId(media.bRollId) } });
    const images = await app.prisma.image.findMany({
      where: { projectId: dbId(media.projectId), status: 'SUCCEEDED' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(images).toHaveLength(2);
    const ext = (key: string | null) => key!.split('.').pop();
    const listed = unzip('-Z1', zipPath).trim().split('\n').sort();
    expect(listed).toEqual(
      [
        'avatars/Léa.mp4',
        `avatars/Léa.${ext(avatar.imageStoragePath)}`,
        'b-rolls/Vagues.mp4',
        `images/Une plage au soleil.${ext(images[0]!.storagePath)}`,
        `images/Une plage au soleil (2).${ext(images[1]!.storagePath)}`,
        'manifest.json',
      ].sort(),
    );
    const out = join(dir, 'out');
    unzip('-q', zipPath, '-d', out);

    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ version: 1, project: { id: media.projectId, name: 'Campagne d’été' } });
    const byKind = (k: string) => manifest.items.filter((i: any) => i.kind === k);
    expect(byKind('IMAGE').map((i: any) => i.prompt)).toEqual(['Une plage au soleil', 'Une plage au soleil']);
    expect(byKind('AVATAR')).toMatchObject([{ id: media.avatarId, name: 'Léa', file: 'avatars/Léa.mp4', tags: [] }]);
    expect(byKind('BROLL')).toMatchObject([
      { id: media.bRollId, name: 'Vagues', prompt: 'A city street at night', durationSeconds: 5, aspectRatio: '16:9' },
    ]);

    // The seed fal returned, the avatar's format and duration: in the manifest when the row has them.
    for (const [item, row] of [
      [byKind('AVATAR')[0], avatar],
      [byKind('BROLL')[0], bRoll],
      [byKind('IMAGE')[0], images[0]!],
    ] as const) {
      for (const column of ['seed', 'aspectRatio', 'durationSeconds'] as const)
        expect(item[column], column).toEqual((row as Record<string, unknown>)[column] ?? undefined);
    }

    // Every file is the stored object, byte for byte.
    const expected: [string, string][] = [
      [byKind('AVATAR')[0].file, avatar.videoStoragePath!],
      [byKind('AVATAR')[0].referenceImage, avatar.imageStoragePath!],
      [byKind('BROLL')[0].file, bRoll.videoStoragePath!],
      ...images.map((i, n): [string, string] => [byKind('IMAGE')[n].file, i.storagePath!]),
    ];
    for (const [file, key] of expected)
      expect((await readFile(join(out, file))).equals(await app.storage.get(key)), file).toBe(true);

    // Under exports/{userId}/, kept 24 h.
    const row = await app.prisma.projectExport.findUniqueOrThrow({ where: { id: dbId(exportId) } });
    expect(row.storagePath).toBe(`exports/${owner.userId}/${dbId(media.projectId)}/${row.id}.zip`);
    expect(row.expiresAt!.getTime() - row.finishedAt!.getTime()).toBe(TTL_MS);
    expect(row.itemCount).toBe(5);
    expect(Number(row.byteSize)).toBe((await app.storage.stat(row.storagePath!))!.size);
    expect(exportEvents(exportId)).toHaveLength(1);
  });

  it('is idempotent under a job retry: no second ZIP, no second announcement', async () => {
    const deps = app.app.deps;
    expect(await buildExport(deps, dbId(exportId), { ttlMs: TTL_MS, lastAttempt: false })).toBe('not pending');
    // Two attempts of one new export at once (a job and its retry after a lost lease): one is built.
    const fresh = await app.prisma.projectExport.create({
      data: { userId: owner.userId, projectId: dbId(media.projectId) },
    });
    const results = await Promise.all([
      buildExport(deps, fresh.id, { ttlMs: TTL_MS, lastAttempt: false }),
      buildExport(deps, fresh.id, { ttlMs: TTL_MS, lastAttempt: false }),
    ]);
    expect(results.sort()).toEqual(['built', 'not pending']);
    const gid = Buffer.from(`ProjectExport:${fresh.id}`).toString('base64');
    await waitFor('the event', async () => exportEvents(gid).length > 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(exportEvents(gid).filter((e) => e.export?.status === 'SUCCEEDED')).toHaveLength(1);
    const objects = await app.storage.list(`exports/${owner.userId}/${dbId(media.projectId)}/${fresh.id}`);
    expect(objects).toEqual([`exports/${owner.userId}/${dbId(media.projectId)}/${fresh.id}.zip`]);
  });

  it('leaves nothing when a read fails, retries, and fails the export once out of attempts', async () => {
    const deps = app.app.deps;
    const broken = {
      ...deps,
      storage: { ...deps.storage, getStream: () => Promise.reject(new Error('storage down')) },
    };
    const row = await app.prisma.projectExport.create({
      data: { userId: owner.userId, projectId: dbId(media.projectId) },
    });
    await expect(buildExport(broken, row.id, { ttlMs: TTL_MS, lastAttempt: false })).rejects.toThrow('storage down');
    expect((await app.prisma.projectExport.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('PENDING');
    expect(await app.storage.list(`exports/${owner.userId}/${dbId(media.projectId)}/${row.id}`)).toEqual([]);
    expect(await buildExport(broken, row.id, { ttlMs: TTL_MS, lastAttempt: true })).toBe('failed');
    const failed = await app.prisma.projectExport.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: 'FAILED', storagePath: null });
    const gid = Buffer.from(`ProjectExport:${row.id}`).toString('base64');
    await waitFor('the FAILED event', async () => exportEvents(gid).find((e) => e.export?.status === 'FAILED'));
  });

  it('uploads an archive of any size in parts, none of it held whole', async () => {
    const part = 5 * 1024 * 1024;
    const chunk = (i: number) => Buffer.alloc(256 * 1024, i % 251);
    const count = 50; // 12.5 MiB: three parts
    async function* body() {
      for (let i = 0; i < count; i++) yield chunk(i);
    }
    const key = `exports/${owner.userId}/parts-test.zip`;
    expect(await app.storage.putMultipart(key, body(), 'application/zip', part)).toBe(count * 256 * 1024);
    const stored = await app.storage.get(key);
    expect(stored.equals(Buffer.concat(Array.from({ length: count }, (_, i) => chunk(i))))).toBe(true);
    await app.storage.remove([key]);
  });

  it("refuses someone else's project as not found, and shows nobody else an export", async () => {
    const r = await app.gql(EXPORT, { p: media.projectId }, other.token);
    expect(r.data.exportProject).toMatchObject({ __typename: 'NotFoundError' });
    const node = await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: exportId }, other.token);
    expect(node.data.node).toBeNull();
    const anonymous = await app.gql(EXPORT, { p: media.projectId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const mine = await app.gql(
      `query($id: ID!) { node(id: $id) { ... on ProjectExport { status url } } }`,
      { id: exportId },
      owner.token,
    );
    expect(mine.data.node).toMatchObject({ status: 'SUCCEEDED', url: expect.any(String) });
  });

  it('expires: after 24 h the sweep deletes the row and the object, and says so', async () => {
    const row = await app.prisma.projectExport.findUniqueOrThrow({ where: { id: dbId(exportId) } });
    const url = (
      await app.gql(`query($id: ID!) { node(id: $id) { ... on ProjectExport { url } } }`, { id: exportId }, owner.token)
    ).data.node.url;
    const early = await sweepExports(app.app.deps, TTL_MS);
    expect(early.expired).toBe(0);
    expect(await app.storage.stat(row.storagePath!)).not.toBeNull();
    const later = await sweepExports(app.app.deps, TTL_MS, row.expiresAt!.getTime() + 1000);
    expect(later.expired).toBeGreaterThanOrEqual(1);
    expect(await app.prisma.projectExport.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await app.storage.stat(row.storagePath!)).toBeNull();
    expect((await fetch(url)).status).not.toBe(200);
    await waitFor('the deletion event', async () => exportEvents(exportId).find((e) => e.export === null));
    const project = await app.gql(
      `query($id: ID!) { project(id: $id) { latestExport { id } } }`,
      { id: media.projectId },
      owner.token,
    );
    expect(project.data.project.latestExport?.id).not.toBe(exportId);
  });

  it('holds the avatars added to the project from another one, as its own', async () => {
    const otherProject = await makeProject(app, owner.token, 'Autre');
    const linked = await app.gql(
      `mutation($p: ID!, $a: ID!) { addAvatarToProject(input: { projectId: $p, avatarId: $a }) { __typename } }`,
      { p: otherProject, a: media.avatarId },
      owner.token,
    );
    expect(linked.data.addAvatarToProject.__typename).toBe('MutationAddAvatarToProjectSuccess');
    await app.gql(EXPORT, { p: otherProject }, owner.token);
    const url = await waitFor(
      'the export of the other project',
      async () => {
        const r = await app.gql(
          `query($id: ID!) { project(id: $id) { latestExport { status url } } }`,
          { id: otherProject },
          owner.token,
        );
        const latest: { status: string; url: string | null } | null = r.data.project.latestExport;
        return latest?.status === 'SUCCEEDED' ? (latest.url ?? undefined) : undefined;
      },
      120_000,
    );
    const zipPath = join(dir, 'linked.zip');
    await writeFile(zipPath, Buffer.from(await (await fetch(url)).arrayBuffer()));
    expect(unzip('-Z1', zipPath).split('\n')).toContain('avatars/Léa.mp4');
  });

  it('goes with its project: deleting the project deletes its exports, rows and objects', async () => {
    const prefix = `exports/${owner.userId}/${dbId(media.projectId)}/`;
    const started = (await app.gql(EXPORT, { p: media.projectId }, owner.token)).data.exportProject.data;
    await waitFor('the export', async () => exportEvents(started.id)[0], 120_000);
    expect(await app.storage.list(prefix)).toContain(`${prefix}${dbId(started.id)}.zip`);
    const r = await app.gql(
      `mutation($id: ID!) { deleteProject(input: { id: $id }) { __typename } }`,
      { id: media.projectId },
      owner.token,
    );
    expect(r.data.deleteProject.__typename).toBe('MutationDeleteProjectSuccess');
    expect(await app.storage.list(prefix)).toEqual([]);
    expect(await app.prisma.projectExport.count({ where: { projectId: dbId(media.projectId) } })).toBe(0);
  });
});
