// pickImageVariant / pickBRollVariant over HTTP: keep one variant, the others go (rows and objects), only the
// owner, only once all are final; what they cost stays in usage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, untilStatus, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 150 });
});
afterAll(() => app.stop());

const IMAGE = `id status variantGroupId variantIndex variantCount`;
const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) { __typename
  ... on MutationGenerateImageSuccess { data { ${IMAGE} } images { ${IMAGE} } } } }`;
const CREATE_BROLL = `mutation($input: CreateBRollInput!) { createBRoll(input: $input) { __typename
  ... on MutationCreateBRollSuccess { bRolls { id status variantGroupId } } } }`;
const ERRORS = `... on ValidationError { fieldErrors { path message } } ... on NotFoundError { id }`;
const PICK_IMAGE = `mutation($id: ID!) { pickImageVariant(input: { id: $id }) { __typename
  ... on MutationPickImageVariantSuccess { data { ${IMAGE} } } ${ERRORS} } }`;
const PICK_BROLL = `mutation($id: ID!) { pickBRollVariant(input: { id: $id }) { __typename
  ... on MutationPickBRollVariantSuccess { data { id variantGroupId variantIndex variantCount } } ${ERRORS} } }`;
const IMAGES = `query($id: ID!) { node(id: $id) { ... on Project { images(first: 10) { totalCount
  edges { node { id } } } bRolls(first: 10) { totalCount } } } }`;
const USAGE = `{ me { usage(period: DAY) { generations succeeded totalCost } } }`;

async function setup() {
  const user = await app.signUp();
  const r = await app.gql(
    `mutation { createProject(input: { name: "Pick" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  return { ...user, projectId: r.data.createProject.data.id as string };
}
const exists = async (key: string) => (await app.storage.stat(key)) !== null;

describe('pickImageVariant', () => {
  it('keeps one variant and deletes the others with their files; usage keeps what they cost', async () => {
    const u = await setup();
    const made = await app.gql(
      GENERATE,
      { input: { projectId: u.projectId, prompt: 'pick one of three', count: 3, idempotencyKey: 'pick-3' } },
      u.token,
    );
    const ids = made.data.generateImage.images.map((i: { id: string }) => i.id) as string[];
    for (const id of ids) await untilStatus(app, u.token, id, 'SUCCEEDED');
    const rows = await app.prisma.image.findMany({ where: { id: { in: ids.map(dbId) } } });
    const keys = new Map(rows.map((r) => [r.id, r.storagePath!]));
    for (const key of keys.values()) expect(await exists(key)).toBe(true);
    const usageBefore = (await app.gql(USAGE, {}, u.token)).data.me.usage;

    // Someone else cannot pick it, and nothing changes.
    const other = await setup();
    const before = await tableCounts(app);
    expect((await app.gql(PICK_IMAGE, { id: ids[2] }, other.token)).data.pickImageVariant).toEqual({
      __typename: 'NotFoundError',
      id: ids[2],
    });
    expect(await tableCounts(app)).toEqual(before);

    const picked = (await app.gql(PICK_IMAGE, { id: ids[2] }, u.token)).data.pickImageVariant;
    expect(picked).toEqual({
      __typename: 'MutationPickImageVariantSuccess',
      data: { id: ids[2], status: 'SUCCEEDED', variantGroupId: null, variantIndex: 0, variantCount: 1 },
    });
    const listed = (await app.gql(IMAGES, { id: u.projectId }, u.token)).data.node.images;
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[2]]);
    expect(await exists(keys.get(dbId(ids[0]!))!)).toBe(false);
    expect(await exists(keys.get(dbId(ids[1]!))!)).toBe(false);
    expect(await exists(keys.get(dbId(ids[2]!))!)).toBe(true);
    expect((await app.gql(USAGE, {}, u.token)).data.me.usage).toEqual(usageBefore);
    expect(usageBefore).toMatchObject({ generations: 3, succeeded: 3 });

    // The key moved to the kept image: a replay returns it and starts nothing.
    const replay = await app.gql(
      GENERATE,
      { input: { projectId: u.projectId, prompt: 'pick one of three', count: 3, idempotencyKey: 'pick-3' } },
      u.token,
    );
    expect(replay.data.generateImage.images.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
    // It has no variants left to pick among.
    expect((await app.gql(PICK_IMAGE, { id: ids[2] }, u.token)).data.pickImageVariant).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'id'], message: 'This image has no other variants to choose from.' }],
    });
  });

  it('refuses while a variant is still PENDING, changing nothing', async () => {
    const u = await setup();
    app.emulator.configure({ latencyMs: 20_000 });
    const made = await app.gql(GENERATE, { input: { projectId: u.projectId, prompt: 'slow', count: 2 } }, u.token);
    app.emulator.configure({ latencyMs: 150 });
    const ids = made.data.generateImage.images.map((i: { id: string }) => i.id) as string[];
    const before = await tableCounts(app);
    expect((await app.gql(PICK_IMAGE, { id: ids[0] }, u.token)).data.pickImageVariant).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['input', 'id'], message: 'Some variants are still being generated; pick one once all are done.' },
      ],
    });
    expect(await tableCounts(app)).toEqual(before);
  });
});

describe('pickBRollVariant', () => {
  it('keeps one b-roll and deletes the other with its video and thumbnail', async () => {
    const u = await setup();
    const made = await app.gql(
      CREATE_BROLL,
      { input: { projectId: u.projectId, name: 'Two takes', prompt: 'a beach', count: 2 } },
      u.token,
    );
    const ids = made.data.createBRoll.bRolls.map((b: { id: string }) => b.id) as string[];
    for (const id of ids) await untilStatus(app, u.token, id, 'SUCCEEDED');
    const gone = await app.prisma.bRoll.findUniqueOrThrow({ where: { id: dbId(ids[0]!) } });
    const picked = (await app.gql(PICK_BROLL, { id: ids[1] }, u.token)).data.pickBRollVariant;
    expect(picked).toEqual({
      __typename: 'MutationPickBRollVariantSuccess',
      data: { id: ids[1], variantGroupId: null, variantIndex: 0, variantCount: 1 },
    });
    expect((await app.gql(IMAGES, { id: u.projectId }, u.token)).data.node.bRolls.totalCount).toBe(1);
    expect(await exists(gone.videoStoragePath!)).toBe(false);
    expect(await exists(gone.thumbnailStoragePath!)).toBe(false);
  });
});
