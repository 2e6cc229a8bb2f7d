// The catalog's media URLs (presigned, served by S3) and its administration: admins manage categories,
// tags and public avatars, nobody else.
import { describe, expect, it } from 'vitest';
import { tableCounts } from './helpers.ts';
import { app } from './catalog-setup.ts';

describe('media URLs', () => {
  it('presigns GET URLs for objects that exist', async () => {
    const avatar = await app.prisma.avatar.findFirstOrThrow({
      where: { visibility: 'PUBLIC', status: 'SUCCEEDED' },
      orderBy: { createdAt: 'asc' },
    });
    const image = Buffer.from('\x89PNG fake but stored bytes');
    const video = Buffer.from('mp4 bytes');
    await app.storage.put(`images/public-avatars/${avatar.id}.png`, image, 'image/png');
    await app.storage.put(`videos/avatars/public/${avatar.id}.mp4`, video, 'video/mp4');
    await app.prisma.avatar.update({
      where: { id: avatar.id },
      data: {
        imageStoragePath: `images/public-avatars/${avatar.id}.png`,
        videoStoragePath: `videos/avatars/public/${avatar.id}.mp4`,
      },
    });
    const gid = Buffer.from(`Avatar:${avatar.id}`).toString('base64');
    const r = await app.gql(`query($id: ID!) { node(id: $id) { ... on Avatar { imageUrl videoUrl } } }`, { id: gid });
    const { imageUrl, videoUrl } = r.data.node;
    expect(imageUrl).toMatch(/X-Amz-Signature=/);
    expect(Buffer.from(await (await fetch(imageUrl)).arrayBuffer())).toEqual(image);
    const v = await fetch(videoUrl);
    expect(v.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await v.arrayBuffer())).toEqual(video);
    expect((await fetch(imageUrl.replace(/X-Amz-Signature=\w+/, 'X-Amz-Signature=00'))).status).toBe(403);
  });
});

describe('catalog administration', () => {
  const CREATE_CATEGORY = `mutation($input: CreateTagCategoryInput!) { createTagCategory(input: $input) { __typename
    ... on MutationCreateTagCategorySuccess { data { id slug name } } ... on Error { message }
      ... on ValidationError { fieldErrors { path } } } }`;
  const CREATE_TAG = `mutation($input: CreateTagInput!) { createTag(input: $input) { __typename
    ... on MutationCreateTagSuccess { data { id slug name category { slug } avatarCount } } ... on Error { message }
      ... on ValidationError { fieldErrors { path } } } }`;
  const UPDATE = `mutation($input: UpdatePublicAvatarInput!) { updatePublicAvatar(input: $input) { __typename
    ... on MutationUpdatePublicAvatarSuccess { data { id name tags { slug } } } ... on UnknownTagsError { slugs }
      ... on Error { message } } }`;

  it('lets admins manage categories, tags and public avatars, and nobody else', async () => {
    const admin = await app.admin();
    const user = await app.signUp();
    const denied = await app.gql(CREATE_CATEGORY, { input: { name: 'Style' } }, user.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await app.gql(CREATE_CATEGORY, { input: { name: 'Style' } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const cat = (await app.gql(CREATE_CATEGORY, { input: { name: 'Style vestimentaire' } }, admin.token)).data
      .createTagCategory;
    expect(cat.data).toMatchObject({ slug: 'style-vestimentaire', name: 'Style vestimentaire' });
    const again = await app.gql(
      CREATE_CATEGORY,
      { input: { name: 'Other', slug: 'style-vestimentaire' } },
      admin.token,
    );
    expect(again.data.createTagCategory.__typename).toBe('ConflictError');
    const badSlug = await app.gql(CREATE_CATEGORY, { input: { name: 'Other', slug: 'Not A Slug' } }, admin.token);
    expect(badSlug.data.createTagCategory.fieldErrors[0].path).toEqual(['input', 'slug']);

    const tag = (await app.gql(CREATE_TAG, { input: { categoryId: cat.data.id, name: 'Décontracté' } }, admin.token))
      .data.createTag;
    expect(tag.data).toMatchObject({ slug: 'decontracte', category: { slug: 'style-vestimentaire' }, avatarCount: 0 });
    const dupTag = await app.gql(CREATE_TAG, { input: { categoryId: cat.data.id, name: 'Femme' } }, admin.token);
    expect(dupTag.data.createTag.__typename).toBe('ConflictError');
    const wrongCat = await app.gql(CREATE_TAG, { input: { categoryId: tag.data.id, name: 'X' } }, admin.token);
    expect(wrongCat.data.createTag.__typename).toBe('NotFoundError');

    const avatar = await app.prisma.avatar.findFirstOrThrow({ where: { visibility: 'PUBLIC', status: 'SUCCEEDED' } });
    const gid = Buffer.from(`Avatar:${avatar.id}`).toString('base64');
    const before = await tableCounts(app);
    const unknown = await app.gql(
      UPDATE,
      { input: { id: gid, name: 'Renamed', tagSlugs: ['femme', 'nope'] } },
      admin.token,
    );
    expect(unknown.data.updatePublicAvatar).toMatchObject({ __typename: 'UnknownTagsError', slugs: ['nope'] });
    const empty = await app.gql(UPDATE, { input: { id: gid, name: '  ' } }, admin.token);
    expect(empty.data.updatePublicAvatar.__typename).toBe('ValidationError');
    const byUser = await app.gql(UPDATE, { input: { id: gid, name: 'Mine' } }, user.token);
    expect(byUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tableCounts(app)).toEqual(before);
    expect((await app.prisma.avatar.findUniqueOrThrow({ where: { id: avatar.id } })).name).toBe(avatar.name);

    const COUNT = `{ publicAvatars(first: 1, tags: ["decontracte"]) {
      ... on PublicAvatarConnection { totalCount facets { tag { slug } count } } } }`;
    const countOf = (r: any) => ({
      total: r.data.publicAvatars.totalCount,
      facet: r.data.publicAvatars.facets.find((f: any) => f.tag.slug === 'decontracte').count,
    });
    expect(countOf(await app.gql(COUNT))).toEqual({ total: 0, facet: 0 });
    const ok = await app.gql(
      UPDATE,
      { input: { id: gid, name: 'Renamed', tagSlugs: ['decontracte', 'senior'] } },
      admin.token,
    );
    // Cached counts are dropped by the change: no stale facet after an admin edit.
    expect(countOf(await app.gql(COUNT))).toEqual({ total: 1, facet: 1 });
    expect(ok.data.updatePublicAvatar.data).toMatchObject({
      name: 'Renamed',
      tags: [{ slug: 'decontracte' }, { slug: 'senior' }],
    });
    const counted = await app.gql(`{ tagCategories { slug tags { slug avatarCount } } }`);
    const style = counted.data.tagCategories.find((c: any) => c.slug === 'style-vestimentaire');
    expect(style.tags).toEqual([{ slug: 'decontracte', avatarCount: 1 }]);

    const del = await app.gql(
      `mutation($id: ID!) { deleteTagCategory(input: { id: $id }) { __typename
        ... on MutationDeleteTagCategorySuccess { data } } }`,
      { id: cat.data.id },
      admin.token,
    );
    expect(del.data.deleteTagCategory.data).toBe(cat.data.id);
    expect(await app.prisma.tag.count({ where: { slug: 'decontracte' } })).toBe(0);
    const delAgain = await app.gql(
      `mutation($id: ID!) { deleteTagCategory(input: { id: $id }) { __typename } }`,
      { id: cat.data.id },
      admin.token,
    );
    expect(delAgain.data.deleteTagCategory.__typename).toBe('NotFoundError');
  });
});
