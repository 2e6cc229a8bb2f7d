// quote: the price before generating equals what the ledger records once the same generation is submitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, untilStatus, waitFor, type TestApp } from './helpers.ts';

let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;
let imageId: string;

const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { kind model count estimatedCost } }`;
type Quoted = { quote: { kind: string; model: string; count: number; estimatedCost: number } } | null;

async function quoted(input: Record<string, unknown>) {
  const r = await app.gql<Quoted>(QUOTE, { input }, user.token);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.quote;
}

/** What the ledger recorded for a generation (its one attempt), once submitted. */
async function ledgerCost(gid: string) {
  const attempt = await waitFor('a submitted attempt', () =>
    app.prisma.generationAttempt.findFirst({ where: { targetId: dbId(gid), submittedAt: { not: null } } }),
  );
  return { cost: Number(attempt.estimatedCostUsd), model: attempt.falModel };
}

async function mutate(name: string, input: Record<string, unknown>) {
  const type = name[0]!.toUpperCase() + name.slice(1);
  const r = await app.gql(
    `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename
      ... on Mutation${type}Success { data { id } } ... on Error { message } } }`,
    { input },
    user.token,
  );
  const id = r.data[name]?.data?.id;
  if (!id) throw new Error(JSON.stringify(r));
  return id as string;
}

beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50 });
  user = await app.signUp();
  projectId = await mutate('createProject', { name: 'Quotes' });
  imageId = await mutate('generateImage', { projectId, prompt: 'A pharmacist, portrait', aspectRatio: 'R3_4' });
  await untilStatus(app, user.token, imageId);
});
afterAll(() => app.stop());

/** An avatar uses up the studio image it is made from: one each. */
async function freshImage(): Promise<string> {
  const id = await mutate('generateImage', { projectId, prompt: 'A nurse, portrait', aspectRatio: 'R3_4' });
  await untilStatus(app, user.token, id);
  return id;
}

describe('quote', () => {
  it('asks nothing of fal and writes nothing', async () => {
    const before = await tableCounts(app);
    const submitted = app.emulator.counts().submissions;
    const q = await quoted({ kind: 'AVATAR', durationSeconds: 10, quality: 'FAST' });
    expect(q).toMatchObject({ kind: 'AVATAR', model: 'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video' });
    // Prices are no secret: signed out, the same answer.
    const anonymous = await app.gql<Quoted>(QUOTE, { input: { kind: 'AVATAR', durationSeconds: 10, quality: 'FAST' } });
    expect(anonymous.data?.quote).toEqual(q);
    expect(await tableCounts(app)).toEqual(before);
    expect(app.emulator.counts().submissions).toBe(submitted);
  });

  const videoCases = [
    ['STANDARD', 5],
    ['STANDARD', 10],
    ['FAST', 5],
    ['FAST', 10],
  ] as const;

  it.each(videoCases)('AVATAR %s %i s: the quote is what the ledger records', async (quality, durationSeconds) => {
    const q = await quoted({ kind: 'AVATAR', durationSeconds, quality, aspectRatio: 'R9_16' });
    const id = await mutate('createAvatar', {
      projectId,
      name: `Quoted ${quality}`,
      imageId: await freshImage(),
      durationSeconds,
      quality,
      aspectRatio: 'R9_16',
    });
    expect(await ledgerCost(id)).toEqual({ cost: q.estimatedCost, model: q.model });
  });

  it.each(videoCases)('TEXT_TO_VIDEO and IMAGE_TO_VIDEO %s %i s', async (quality, durationSeconds) => {
    const text = await quoted({ kind: 'TEXT_TO_VIDEO', durationSeconds, quality });
    const fromText = await mutate('createBRoll', {
      projectId,
      name: 'T',
      prompt: 'a street',
      durationSeconds,
      quality,
    });
    expect(await ledgerCost(fromText)).toEqual({ cost: text.estimatedCost, model: text.model });
    const image = await quoted({ kind: 'IMAGE_TO_VIDEO', durationSeconds, quality, aspectRatio: 'R1_1' });
    const fromImage = await mutate('createBRoll', {
      projectId,
      name: 'I',
      prompt: 'waves',
      imageId,
      durationSeconds,
      quality,
      aspectRatio: 'R1_1',
    });
    expect(await ledgerCost(fromImage)).toEqual({ cost: image.estimatedCost, model: image.model });
  });

  it('FAST is about 60% cheaper than STANDARD, and a 10 s clip costs twice a 5 s one', async () => {
    const standard = (await quoted({ kind: 'AVATAR', durationSeconds: 5 })).estimatedCost;
    const fast = (await quoted({ kind: 'AVATAR', durationSeconds: 5, quality: 'FAST' })).estimatedCost;
    expect(standard).toBeCloseTo(0.62, 2);
    expect(fast).toBeCloseTo(0.243, 3);
    expect(1 - fast / standard).toBeGreaterThan(0.55);
    expect((await quoted({ kind: 'AVATAR', durationSeconds: 10 })).estimatedCost).toBeCloseTo(2 * standard, 4);
  });

  it.each(['R1_1', 'R16_9', 'R9_16', 'R4_3', 'R3_4'])('TEXT_TO_IMAGE %s', async (aspectRatio) => {
    const q = await quoted({ kind: 'TEXT_TO_IMAGE', aspectRatio });
    const id = await mutate('generateImage', { projectId, prompt: 'a mug', aspectRatio });
    expect(await ledgerCost(id)).toEqual({ cost: q.estimatedCost, model: 'fal-ai/flux/dev' });
  });

  it('IMAGE_TO_IMAGE is priced on the size of the image edited, INSTRUCTION_EDIT per image', async () => {
    // A larger original (3 megapixels as its row says): image-to-image bills per megapixel of it.
    await app.prisma.image.update({ where: { id: dbId(imageId) }, data: { width: 2048, height: 1536 } });
    const strength = await quoted({ kind: 'IMAGE_TO_IMAGE', imageId });
    expect(strength.estimatedCost).toBeCloseTo(0.09, 4);
    expect((await quoted({ kind: 'IMAGE_TO_IMAGE' })).estimatedCost).toBeCloseTo(0.03, 4);
    const edit = await mutate('editImage', { imageId, prompt: 'warmer light' });
    expect(await ledgerCost(edit)).toEqual({ cost: strength.estimatedCost, model: strength.model });
    const instruction = await quoted({ kind: 'INSTRUCTION_EDIT' });
    expect(instruction).toMatchObject({ model: 'fal-ai/flux-pro/kontext', estimatedCost: 0.04 });
    const kontext = await mutate('editImage', { imageId, prompt: 'make the coat red', mode: 'INSTRUCTION' });
    expect(await ledgerCost(kontext)).toEqual({ cost: 0.04, model: 'fal-ai/flux-pro/kontext' });
  });

  it('prices `count` generations as the ledger records each', async () => {
    const one = await quoted({ kind: 'TEXT_TO_VIDEO', quality: 'FAST' });
    const three = await quoted({ kind: 'TEXT_TO_VIDEO', quality: 'FAST', count: 3 });
    expect(three).toMatchObject({ count: 3 });
    expect(three.estimatedCost).toBeCloseTo(3 * one.estimatedCost, 4);
  });

  it('refuses what no mutation would accept, naming the field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kind: 'AVATAR', durationSeconds: 7 }, ['input', 'durationSeconds']],
      [{ kind: 'TEXT_TO_IMAGE', durationSeconds: 5 }, ['input', 'durationSeconds']],
      [{ kind: 'TEXT_TO_IMAGE', quality: 'FAST' }, ['input', 'quality']],
      [{ kind: 'TEXT_TO_IMAGE', aspectRatio: 'R21_9' }, ['input', 'aspectRatio']],
      [{ kind: 'AVATAR', count: 5 }, ['input', 'count']],
      [{ kind: 'AVATAR', count: 0 }, ['input', 'count']],
      [{ kind: 'AVATAR', imageId }, ['input', 'imageId']],
    ];
    for (const [input, path] of cases) {
      const r = await app.gql<Quoted>(QUOTE, { input }, user.token);
      expect(r.data, JSON.stringify(input)).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(path);
    }
    const other = await app.signUp('Other');
    const foreign = await app.gql(QUOTE, { input: { kind: 'IMAGE_TO_IMAGE', imageId } }, other.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('me.usage.byDay lists every day of the period with what the ledger cost', async () => {
    // The totals and the days are two statements: an earlier test's generation settling between them would
    // count in one and not the other.
    await waitFor(
      'every earlier generation settled',
      async () =>
        (
          await app.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM "GenerationAttempt" WHERE "userId" = $1 AND status = 'PENDING'`,
            [user.userId],
          )
        )[0]!.n === 0,
      120_000,
    );
    const r = await app.gql(
      `{ me { usage(period: MONTH) { totalCost generations byDay { day generations cost } } } }`,
      {},
      user.token,
    );
    const { totalCost, generations, byDay } = r.data.me.usage;
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    expect(byDay).toHaveLength(now.getUTCDate());
    expect(byDay[0].day).toBe(`${today.slice(0, 8)}01`);
    expect(byDay.at(-1)).toMatchObject({ day: today, generations });
    const sum = byDay.reduce((s: number, d: { cost: number }) => s + d.cost, 0);
    expect(sum).toBeCloseTo(totalCost, 4);
    expect(totalCost).toBeGreaterThan(0);
    const other = await app.signUp('Nobody');
    const empty = await app.gql(`{ me { usage(period: WEEK) { byDay { day cost } } } }`, {}, other.token);
    expect(empty.data.me.usage.byDay.at(-1)).toEqual({ day: today, cost: 0 });
    expect(empty.data.me.usage.byDay.length).toBe(((now.getUTCDay() + 6) % 7) + 1);
  });
});
