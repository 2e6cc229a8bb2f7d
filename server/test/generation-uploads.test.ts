// Uploads straight to the presigned URL (a real image is registered, lies are refused), and ownership: another
// user can neither see, change nor subscribe to images and avatars. Each test boots its own app.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dbId, tableCounts, waitFor } from './helpers.ts';
import { boot, GENERATE, NODE, projectOf, statusOf } from './robustness-setup.ts';

describe('uploads', () => {
  it('registers a real image uploaded straight to the presigned URL, and refuses lies', async () => {
    const app = await boot();
    const { token, userId } = await app.signUp();
    const projectId = await projectOf(app, token);
    const CREATE = `mutation($input: CreateUploadInput!) { createUpload(input: $input) { __typename
      ... on MutationCreateUploadSuccess { data { uploadId uploadUrl contentType } }
      ... on ValidationError { fieldErrors { path message } } } }`;
    const REGISTER = `mutation($input: RegisterUploadInput!) { registerUpload(input: $input) { __typename
      ... on MutationRegisterUploadSuccess { data { id status width height contentType source imageUrl } }
      ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
    const png = await sharp({ create: { width: 320, height: 400, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();

    const up = (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: png.length } }, token))
      .data.createUpload.data;
    expect(
      (await fetch(up.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png })).status,
    ).toBe(200);
    const reg = await app.gql(REGISTER, { input: { projectId, uploadId: up.uploadId } }, token);
    expect(reg.data.registerUpload.data).toMatchObject({
      status: 'SUCCEEDED',
      width: 320,
      height: 400,
      contentType: 'image/png',
      source: 'UPLOAD',
    });
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(reg.data.registerUpload.data.id) } });
    expect(row.storagePath).toBe(`images/temp-generated/${userId}/${dbId(projectId)}/upload-${up.uploadId}`);

    const before = await tableCounts(app);
    // lying content type: declared PNG, bytes are JPEG
    const lie = (
      await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: jpeg.length } }, token)
    ).data.createUpload.data;
    await fetch(lie.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: jpeg });
    const lied = await app.gql(REGISTER, { input: { projectId, uploadId: lie.uploadId } }, token);
    expect(lied.data.registerUpload.fieldErrors[0].message).toMatch(/image\/jpeg, not the image\/png/);
    // not an image at all
    const txt = (await app.gql(CREATE, { input: { projectId, contentType: 'image/webp', byteSize: 20 } }, token)).data
      .createUpload.data;
    await fetch(txt.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'image/webp' },
      body: 'this is not an image',
    });
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: txt.uploadId } }, token)).data.registerUpload.__typename,
    ).toBe('ValidationError');
    // too big: refused when declared, and when the upload is bigger than declared
    const big = await app.gql(
      CREATE,
      { input: { projectId, contentType: 'image/png', byteSize: 10 * 1024 * 1024 + 1 } },
      token,
    );
    expect(big.data.createUpload.fieldErrors[0].path).toEqual(['input', 'byteSize']);
    const sneaky = (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: 100 } }, token))
      .data.createUpload.data;
    await fetch(sneaky.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: sneaky.uploadId } }, token)).data.registerUpload
        .fieldErrors[0].message,
    ).toMatch(/10 MB/);
    // wrong type declared, nothing uploaded, made-up id
    expect(
      (await app.gql(CREATE, { input: { projectId, contentType: 'image/gif', byteSize: 10 } }, token)).data.createUpload
        .__typename,
    ).toBe('ValidationError');
    const never = (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: 10 } }, token)).data
      .createUpload.data;
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: never.uploadId } }, token)).data.registerUpload
        .fieldErrors[0].message,
    ).toMatch(/Nothing was uploaded/);
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: '../../etc/passwd' } }, token)).data.registerUpload
        .__typename,
    ).toBe('ValidationError');
    // someone else's project
    const other = await app.signUp();
    expect(
      (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: 10 } }, other.token)).data
        .createUpload.__typename,
    ).toBe('NotFoundError');

    expect(await tableCounts(app)).toEqual({ ...before, User: before.User! + 1, Session: before.Session! + 1 });
    for (const id of [lie.uploadId, txt.uploadId, sneaky.uploadId]) {
      expect(await app.storage.stat(`images/temp-generated/${userId}/${dbId(projectId)}/upload-${id}`)).toBeNull();
    }
  });
});

describe('ownership', () => {
  it('keeps another user from seeing, changing or subscribing to images and avatars', async () => {
    const app = await boot();
    app.emulator.configure({ latencyMs: 50 });
    const owner = await app.signUp();
    const other = await app.signUp();
    const projectId = await projectOf(app, owner.token);
    const image = (await app.gql(GENERATE, { input: { projectId, prompt: 'mine' } }, owner.token)).data.generateImage
      .data;
    await waitFor('SUCCEEDED', async () => (await statusOf(app, owner.token, image.id)).status === 'SUCCEEDED');
    const avatar = (
      await app.gql(
        `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) {
          ... on MutationCreateAvatarSuccess { data { id } } } }`,
        { input: { projectId, name: 'Mine', imageId: image.id } },
        owner.token,
      )
    ).data.createAvatar.data;
    await waitFor('avatar SUCCEEDED', async () => (await statusOf(app, owner.token, avatar.id)).status === 'SUCCEEDED');

    const otherProject = await projectOf(app, other.token);
    const before = await tableCounts(app);
    expect((await app.gql(NODE, { id: avatar.id }, other.token)).data.node).toBeNull();
    expect((await app.gql(NODE, { id: image.id }, other.token)).data.node).toBeNull();
    expect((await app.gql(NODE, { id: avatar.id })).data.node).toBeNull();
    const mine = await app.gql(`{ me { avatars(first: 10) { totalCount } } }`, {}, other.token);
    expect(mine.data.me.avatars.totalCount).toBe(0);
    for (const [query, field] of [
      [`mutation($id: ID!) { renameAvatar(input: { id: $id, name: "x" }) { __typename } }`, 'renameAvatar'],
      [`mutation($id: ID!) { deleteAvatar(input: { id: $id }) { __typename } }`, 'deleteAvatar'],
      [`mutation($id: ID!) { retryAvatar(input: { id: $id }) { __typename } }`, 'retryAvatar'],
    ] as const) {
      expect((await app.gql(query, { id: avatar.id }, other.token)).data[field].__typename).toBe('NotFoundError');
    }
    const edit = await app.gql(
      `mutation($id: ID!) { editImage(input: { imageId: $id, prompt: "x" }) { __typename } }`,
      { id: image.id },
      other.token,
    );
    expect(edit.data.editImage.__typename).toBe('NotFoundError');
    const steal = await app.gql(
      `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) { __typename } }`,
      { input: { projectId: otherProject, name: 'Stolen', imageId: image.id } },
      other.token,
    );
    expect(steal.data.createAvatar.__typename).toBe('NotFoundError');
    const sub = await new Promise<unknown>((resolve) => {
      app
        .ws(other.token)
        .subscribe(
          { query: `subscription($id: ID!) { avatarUpdated(id: $id) { status } }`, variables: { id: avatar.id } },
          { next: (v: any) => resolve(v.errors ?? null), error: resolve, complete: () => resolve(null) },
        );
    });
    expect(sub).toBeTruthy();
    expect(await tableCounts(app)).toEqual(before);

    // the owner deletes it: objects go too
    const row = await app.prisma.avatar.findUniqueOrThrow({ where: { id: dbId(avatar.id) } });
    const del = await app.gql(
      `mutation($id: ID!) { deleteAvatar(input: { id: $id }) { __typename } }`,
      { id: avatar.id },
      owner.token,
    );
    expect(del.data.deleteAvatar.__typename).toBe('MutationDeleteAvatarSuccess');
    expect(await app.storage.stat(row.videoStoragePath!)).toBeNull();
    expect(await app.storage.stat(row.imageStoragePath!)).toBeNull();
  });
});
