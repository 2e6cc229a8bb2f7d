// Instruction edits with FLUX Kontext pro, end to end through the emulator; strength edits stay the default.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateInput } from '../src/fal/emulator-inputs.ts';
import { fluxKontextInput } from '../src/fal/models.ts';
import { dbId, startTestApp, tableCounts, untilStatus, type TestApp } from './helpers.ts';

let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;
let imageId: string;

const EDIT = `mutation($input: EditImageInput!) { editImage(input: $input) { __typename
  ... on MutationEditImageSuccess { data { id status source editMode } }
  ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const IMAGE = `query($id: ID!) { node(id: $id) { ... on Image { id status source editMode seed width height imageUrl
  parent { id } } } }`;

beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50 });
  user = await app.signUp();
  const project = await app.gql(
    `mutation { createProject(input: { name: "Kontext" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  projectId = project.data.createProject.data.id;
  const image = await app.gql(
    `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "A nurse in a blue coat", aspectRatio: R3_4 }) {
      ... on MutationGenerateImageSuccess { data { id } } } }`,
    { p: projectId },
    user.token,
  );
  imageId = image.data.generateImage.data.id;
  await untilStatus(app, user.token, imageId);
});
afterAll(() => app.stop());

const jobOf = async (gid: string) => {
  const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(gid) } });
  return { row, job: [...app.emulator.jobs.values()].find((j) => j.requestId === row.falRequestId)! };
};

describe('FLUX Kontext instruction edits', () => {
  it('sends exactly the inputs Kontext takes, stores the edit with its seed, and bills it per image', async () => {
    const r = await app.gql(EDIT, { input: { imageId, prompt: 'Make the coat red', mode: 'INSTRUCTION' } }, user.token);
    const created = r.data.editImage.data;
    expect(created).toMatchObject({ status: 'PENDING', source: 'INSTRUCTION_EDIT', editMode: 'INSTRUCTION' });
    const { row, job } = await jobOf(created.id);
    expect(job.endpoint).toBe('fal-ai/flux-pro/kontext');
    expect(job.input).toEqual({
      image_url: expect.stringMatching(/^http/),
      prompt: 'Make the coat red',
      num_images: 1,
      output_format: 'png',
      safety_tolerance: '2',
    });
    expect(row.strength).toBeNull();
    await untilStatus(app, user.token, created.id);
    const done = (await app.gql(IMAGE, { id: created.id }, user.token)).data.node;
    const seed = (job.outcome as { payload: { seed: number } }).payload.seed;
    expect(done).toMatchObject({ source: 'INSTRUCTION_EDIT', editMode: 'INSTRUCTION', parent: { id: imageId }, seed });
    // Kontext keeps the proportions of the image it edits (768×1024 here).
    expect({ width: done.width, height: done.height }).toEqual({ width: 768, height: 1024 });
    const png = Buffer.from(await (await fetch(done.imageUrl)).arrayBuffer());
    expect((await sharp(png).metadata()).format).toBe('png');
    const attempt = await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: dbId(created.id) } });
    expect({ model: attempt.falModel, cost: Number(attempt.estimatedCostUsd), status: attempt.status }).toEqual({
      model: 'fal-ai/flux-pro/kontext',
      cost: 0.04,
      status: 'SUCCEEDED',
    });
    const usage = await app.gql(`{ me { usage(period: DAY) { byModel { model count cost } } } }`, {}, user.token);
    expect(usage.data.me.usage.byModel).toContainEqual({ model: 'fal-ai/flux-pro/kontext', count: 1, cost: 0.04 });
  });

  it('keeps STRENGTH (FLUX dev image-to-image) as the default', async () => {
    const r = await app.gql(EDIT, { input: { imageId, prompt: 'Same nurse, smiling' } }, user.token);
    const created = r.data.editImage.data;
    expect(created).toMatchObject({ source: 'IMAGE_TO_IMAGE', editMode: 'STRENGTH' });
    const { row, job } = await jobOf(created.id);
    expect(job.endpoint).toBe('fal-ai/flux/dev/image-to-image');
    expect(job.input).toMatchObject({ strength: 0.85, enable_safety_checker: true });
    expect(row.strength).toBe(0.85);
    await untilStatus(app, user.token, created.id);
  });

  it('refuses a strength on an instruction edit, changing nothing', async () => {
    const before = await tableCounts(app);
    const r = await app.gql(
      EDIT,
      { input: { imageId, prompt: 'Make the coat red', mode: 'INSTRUCTION', strength: 0.5 } },
      user.token,
    );
    expect(r.data.editImage.__typename).toBe('ValidationError');
    expect(r.data.editImage.fieldErrors[0].path).toEqual(['input', 'strength']);
    expect(await tableCounts(app)).toEqual(before);
  });

  it("the emulator checks Kontext's own schema: no strength or image_size, safety_tolerance 1–6", () => {
    const built = fluxKontextInput({ imageUrl: 'https://x.test/a.png', prompt: 'p' });
    expect(validateInput('fal-ai/flux-pro/kontext', built)).toMatchObject({ ok: true });
    expect(validateInput('fal-ai/flux-pro/kontext', { ...built, safety_tolerance: '7' })).toMatchObject({
      ok: false,
      detail: [{ loc: ['body', 'safety_tolerance'], type: 'enum' }],
    });
    expect(validateInput('fal-ai/flux-pro/kontext', { prompt: 'p' })).toMatchObject({
      ok: false,
      detail: [{ loc: ['body', 'image_url'], msg: 'Field required', type: 'missing' }],
    });
    expect(validateInput('fal-ai/flux-pro/kontext', { ...built, aspect_ratio: '5:4' })).toMatchObject({ ok: false });
  });
});
