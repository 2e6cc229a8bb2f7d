// downloadUrl on images, avatars and b-rolls: the stored bytes under a readable, header-safe file name,
// for the owner only (anyone for a public avatar), through a presigned URL that expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, type TestApp } from './helpers.ts';
import { makeProjectMedia, type ProjectMedia } from './project-media.ts';

let app: TestApp;
let owner: { token: string; userId: string };
let other: { token: string; userId: string };
let media: ProjectMedia;

const NAMES = {
  project: 'Téléchargements',
  image: 'Zoé "la/boss" \\ café',
  avatar: 'Zoé "CEO"/Paris',
  bRoll: 'Nuit à Montréal',
};

beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50 });
  owner = await app.signUp();
  other = await app.signUp();
  media = await makeProjectMedia(app, owner.token, NAMES);
}, 300_000);
afterAll(() => app.stop());

const DOWNLOAD = `query($id: ID!) { node(id: $id) { id ... on Image { downloadUrl } ... on Avatar { downloadUrl }
  ... on BRoll { downloadUrl } } }`;

const downloadUrlOf = async (id: string, token?: string): Promise<string | null | undefined> =>
  (await app.gql(DOWNLOAD, { id }, token)).data.node?.downloadUrl;

async function expectDownload(url: string, key: string, disposition: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const header = res.headers.get('content-disposition')!;
  expect(header).toBe(disposition);
  expect(/^[\x20-\x7e]+$/.test(header)).toBe(true);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.length).toBeGreaterThan(0);
  expect(bytes.equals(await app.storage.get(key))).toBe(true);
  // Presigned for 15 minutes, and the signature covers the key and the file name.
  const u = new URL(url);
  expect(u.searchParams.get('X-Amz-Expires')).toBe('900');
  const renamed = new URL(url);
  renamed.searchParams.set('response-content-disposition', 'attachment; filename="other.bin"');
  expect((await fetch(renamed)).status).toBe(403);
  const elsewhere = new URL(url);
  elsewhere.pathname = elsewhere.pathname.replace(/[^/]+$/, 'other.mp4');
  expect((await fetch(elsewhere)).status).toBe(403);
}

describe('downloads', () => {
  it('downloads an image under its prompt as an ASCII-safe file name', async () => {
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(media.imageId) } });
    const url = await downloadUrlOf(media.imageId, owner.token);
    expect(url).toBeTruthy();
    const ext = row.storagePath!.split('.').pop();
    await expectDownload(url!, row.storagePath!, `attachment; filename="Zoe -la-boss- - cafe.${ext}"`);
  });

  it('downloads an avatar and a b-roll as MP4s named after them', async () => {
    const avatar = await app.prisma.avatar.findUniqueOrThrow({ where: { id: dbId(media.avatarId) } });
    await expectDownload(
      (await downloadUrlOf(media.avatarId, owner.token))!,
      avatar.videoStoragePath!,
      'attachment; filename="Zoe -CEO-Paris.mp4"',
    );
    const bRoll = await app.prisma.bRoll.findUniqueOrThrow({ where: { id: dbId(media.bRollId) } });
    await expectDownload(
      (await downloadUrlOf(media.bRollId, owner.token))!,
      bRoll.videoStoragePath!,
      'attachment; filename="Nuit a Montreal.mp4"',
    );
  });

  it("gives nobody else a private item's download: not found for another user or anonymously", async () => {
    for (const id of [media.imageId, media.avatarId, media.bRollId]) {
      for (const token of [other.token, undefined]) {
        const r = await app.gql(DOWNLOAD, { id }, token);
        expect(r.errors).toBeUndefined();
        expect(r.data.node).toBeNull();
      }
    }
    // Nor through a list of theirs.
    const mine = await app.gql(`{ me { avatars(first: 10) { edges { node { downloadUrl } } } } }`, {}, other.token);
    expect(mine.data.me.avatars.edges).toEqual([]);
  });

  it('has no downloadUrl until SUCCEEDED', async () => {
    const pending = await app.prisma.bRoll.create({
      data: {
        name: 'Pending',
        prompt: 'x',
        source: 'TEXT_TO_VIDEO',
        userId: owner.userId,
        projectId: dbId(media.projectId),
      },
    });
    const gid = Buffer.from(`BRoll:${pending.id}`).toString('base64');
    expect(await downloadUrlOf(gid, owner.token)).toBeNull();
  });

  it('lets anyone download a public avatar, also from the catalog', async () => {
    const key = `videos/avatars/public/dl-test.mp4`;
    await app.storage.put(key, Buffer.from('public avatar bytes'), 'video/mp4');
    const avatar = await app.prisma.avatar.create({
      data: { name: 'Chloé', visibility: 'PUBLIC', status: 'SUCCEEDED', videoStoragePath: key },
    });
    const gid = Buffer.from(`Avatar:${avatar.id}`).toString('base64');
    for (const token of [other.token, undefined]) {
      const url = await downloadUrlOf(gid, token);
      const res = await fetch(url!);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="Chloe.mp4"');
      expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('public avatar bytes');
    }
    const page = await app.gql(
      `{ publicAvatars(first: 5, search: "Chlo") {
        ... on PublicAvatarConnection { edges { node { downloadUrl } } } } }`,
    );
    const url = page.data.publicAvatars.edges[0].node.downloadUrl as string;
    expect((await fetch(url)).status).toBe(200);
  });
});
