// Usage and cost: me.usage and usageByUser count every generation submitted and cost only the SUCCEEDED ones,
// including generations deleted while fal works on them.
import { describe, expect, it } from 'vitest';
import { dbId, untilStatus } from './helpers.ts';
import { app, bRoll, BY_USER, image, metric, project, recorded, USAGE } from './usage-setup.ts';

describe('usage and cost', () => {
  let d: { token: string; userId: string };
  let e: { token: string; userId: string };
  let admin: { token: string; userId: string };

  it(`me.usage counts every generation submitted, costs only the SUCCEEDED ones, and keeps what was \
deleted`, async () => {
    const [generationsBefore, webhooksBefore, costBefore, imagesBefore] = [
      await metric('better_ads_generations', 'status="SUCCEEDED"'),
      await metric('better_ads_webhooks_total', 'outcome="accepted"'),
      await metric('better_ads_generation_cost_usd_total', ''),
      await metric('better_ads_generation_attempts_total', 'kind="image"'),
    ];
    d = await app.signUp('Dora');
    const p = await project(d.token);
    const ref = await image(d.token, p);
    await image(d.token, p, 'a street');
    await bRoll(d.token, p, 'waves at dusk', 'SUCCEEDED');
    await bRoll(d.token, p, 'refused [fail]', 'FAILED');
    // The reference is deleted once the avatar is made; it was paid for all the same.
    const refRow = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(ref) } });
    const avatar = (
      await app.gql(
        `mutation($p: ID!, $i: ID!) { createAvatar(input: { projectId: $p, name: "A", imageId: $i }) {
          ... on MutationCreateAvatarSuccess { data { id } } } }`,
        { p, i: ref },
        d.token,
      )
    ).data.createAvatar.data.id;
    await untilStatus(app, d.token, avatar, 'SUCCEEDED');
    // the reference goes just after the avatar is marked SUCCEEDED
    for (
      const end = Date.now() + 10_000;
      (await app.prisma.image.findUnique({ where: { id: refRow.id } })) && Date.now() < end;
    )
      await new Promise((r) => setTimeout(r, 50));
    expect(await app.prisma.image.findUnique({ where: { id: refRow.id } })).toBeNull();

    const expected = new Map(
      (await recorded(d.userId)).map((r) => [r.model, { count: r.count, cost: Number(r.cost) }]),
    );
    const flux = expected.get('fal-ai/flux/dev')!;
    expected.set('fal-ai/flux/dev', { count: flux.count + 1, cost: flux.cost + Number(refRow.estimatedCostUsd) });
    const totalCost = [...expected.values()].reduce((s, m) => s + m.cost, 0);
    expect(totalCost).toBeGreaterThan(0);

    for (const period of ['DAY', 'WEEK', 'MONTH', 'ALL']) {
      const u = (await app.gql(USAGE, { period }, d.token)).data.me.usage;
      expect(u).toMatchObject({ period, generations: 5, succeeded: 4, failed: 1, pending: 0 });
      expect(u.totalCost).toBeCloseTo(totalCost, 4);
      expect(u.byModel.map((m: any) => m.model)).toEqual([...expected.keys()].sort());
      for (const m of u.byModel) {
        expect(m.count).toBe(expected.get(m.model)!.count);
        expect(m.cost).toBeCloseTo(expected.get(m.model)!.cost, 4);
      }
      if (period === 'ALL') expect(u.from).toBeNull();
      if (period === 'MONTH') {
        const now = new Date();
        expect(u.from).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());
      }
    }
    // A failed b-roll costs nothing, but counts under its model.
    const t2v = (await app.gql(USAGE, { period: 'DAY' }, d.token)).data.me.usage.byModel.find((m: any) =>
      m.model.endsWith('text-to-video'),
    );
    expect(t2v).toMatchObject({ count: 2, succeeded: 1 });

    // Someone else's usage is not in mine, and a newcomer's is zero.
    e = await app.signUp('Eve');
    expect((await app.gql(USAGE, { period: 'ALL' }, e.token)).data.me.usage).toMatchObject({
      generations: 0,
      totalCost: 0,
      byModel: [],
    });
    await image(e.token, await project(e.token));
    expect((await app.gql(USAGE, { period: 'DAY' }, d.token)).data.me.usage.generations).toBe(5);

    // /metrics moved with all of this
    // a gauge of the rows that exist: the deleted reference is not among them
    expect(await metric('better_ads_generations', 'status="SUCCEEDED"')).toBe(generationsBefore + 4);
    expect(await metric('better_ads_generations', 'status="FAILED"')).toBeGreaterThanOrEqual(1);
    expect(await metric('better_ads_webhooks_total', 'outcome="accepted"')).toBeGreaterThanOrEqual(webhooksBefore + 6);
    // the ledger's counters keep the deleted reference
    expect(await metric('better_ads_generation_attempts_total', 'kind="image"')).toBe(imagesBefore + 3);
    const eveCost = (await app.gql<{ me: { usage: { totalCost: number } } }>(USAGE, { period: 'DAY' }, e.token)).data.me
      .usage.totalCost;
    expect(await metric('better_ads_generation_cost_usd_total', '')).toBeCloseTo(costBefore + totalCost + eveCost, 4);
  });

  it(`usageByUser: admins only, most expensive first, paged by cursor; a public avatar counts for its \
admin`, async () => {
    admin = await app.admin();
    const ref = await image(admin.token, await project(admin.token), 'catalog face');
    const pub = (
      await app.gql(
        `mutation($i: ID!) { createPublicAvatar(input: { name: "Cat", imageId: $i, tagSlugs: [] }) {
          ... on MutationCreatePublicAvatarSuccess { data { id } } ... on Error { message } } }`,
        { i: ref },
        admin.token,
      )
    ).data.createPublicAvatar;
    await untilStatus(app, admin.token, pub.data.id, 'SUCCEEDED');

    const denied = await app.gql<{ usageByUser?: unknown } | null>(BY_USER, {}, d.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.data?.usageByUser ?? null).toBeNull();
    expect((await app.gql(BY_USER, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const all = (await app.gql(BY_USER, { first: 100 }, admin.token)).data.usageByUser;
    expect(all.__typename).toBe('UserUsageConnection');
    expect(all.totalCount).toBe(3);
    const costs = all.edges.map((x: any) => x.node.usage.totalCost);
    expect(costs).toEqual([...costs].sort((a: number, b: number) => b - a));
    for (const edge of all.edges) {
      const who = [d, e, admin].find((u) => Buffer.from(edge.node.userId, 'base64').toString() === `User:${u.userId}`)!;
      const mine = (await app.gql(USAGE, { period: 'DAY' }, who.token)).data.me.usage;
      expect(edge.node.usage).toEqual({
        generations: mine.generations,
        totalCost: mine.totalCost,
        byModel: mine.byModel.map(({ model, count, cost }: any) => ({ model, count, cost })),
      });
    }
    const adminRow = all.edges.find((x: any) => x.node.email.startsWith('user') && x.node.name === 'Admin').node;
    expect(adminRow.usage.generations).toBe(2);
    expect(adminRow.usage.byModel.map((m: any) => m.model)).toContain(
      'fal-ai/bytedance/seedance/v1/pro/image-to-video',
    );

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await app.gql(BY_USER, { first: 1, after }, admin.token)).data.usageByUser;
      seen.push(...page.edges.map((x: any) => x.node.userId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((x: any) => x.node.userId));

    const [zero, bad, huge] = await Promise.all([
      app.gql(BY_USER, { first: 0 }, admin.token),
      app.gql(BY_USER, { after: 'not-a-cursor' }, admin.token),
      app.gql(BY_USER, { first: 101 }, admin.token),
    ]);
    expect(zero.data.usageByUser.fieldErrors[0].path).toEqual(['first']);
    expect(bad.data.usageByUser.fieldErrors[0].path).toEqual(['after']);
    expect(huge.data.usageByUser.__typename).toBe('ValidationError');
    const period = await app.gql(BY_USER, { period: 'YEAR' }, admin.token);
    expect(period.status).toBe(400);
    expect(period.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('a generation deleted while fal works on it still counts, with the outcome fal reports', async () => {
    const f = await app.signUp('Fay');
    const p = await project(f.token);
    app.emulator.configure({ webhookDelayMs: 1500 });
    try {
      const gid = (
        await app.gql(
          `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "short-lived" }) {
            ... on MutationGenerateImageSuccess { data { id } } } }`,
          { p },
          f.token,
        )
      ).data.generateImage.data.id;
      const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(gid) } });
      expect(
        (await app.gql(`mutation($id: ID!) { deleteProject(input: { id: $id }) { __typename } }`, { id: p }, f.token))
          .data.deleteProject.__typename,
      ).toBe('MutationDeleteProjectSuccess');
      expect((await app.gql(USAGE, { period: 'DAY' }, f.token)).data.me.usage).toMatchObject({
        generations: 1,
        pending: 1,
        totalCost: 0,
      });
      const end = Date.now() + 15_000;
      while (
        (await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: row.id } })).status === 'PENDING' &&
        Date.now() < end
      )
        await new Promise((r) => setTimeout(r, 100));
      const usage = (await app.gql(USAGE, { period: 'DAY' }, f.token)).data.me.usage;
      expect(usage).toMatchObject({ generations: 1, succeeded: 1, pending: 0 });
      expect(usage.totalCost).toBeCloseTo(Number(row.estimatedCostUsd), 4);
    } finally {
      app.emulator.configure({ webhookDelayMs: 0 });
    }
  });
  it('settles, through the reconciler, a deleted generation whose webhook never came', async () => {
    const g = await app.signUp('Gus');
    const p = await project(g.token);
    app.emulator.configure({ webhook: 'drop' });
    try {
      const gid = (
        await app.gql(
          `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "lost and deleted" }) {
            ... on MutationGenerateImageSuccess { data { id } } } }`,
          { p },
          g.token,
        )
      ).data.generateImage.data.id;
      const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(gid) } });
      expect(
        (await app.gql(`mutation($id: ID!) { deleteProject(input: { id: $id }) { __typename } }`, { id: p }, g.token))
          .data.deleteProject.__typename,
      ).toBe('MutationDeleteProjectSuccess');
      // Passes as if run once the generation is old enough to reconcile (not past its deadline): the row
      // is gone, only its attempt is left.
      const end = Date.now() + 15_000;
      let passes = 0;
      while (
        (await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: row.id } })).status === 'PENDING' &&
        Date.now() < end
      ) {
        passes += (await app.app.deps.pipeline.reconcile(Date.now() + app.config.generation.reconcileAfterMs + 1000))
          .deletedSettled;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(passes).toBe(1);
      const usage = (await app.gql(USAGE, { period: 'DAY' }, g.token)).data.me.usage;
      expect(usage).toMatchObject({ generations: 1, succeeded: 1, pending: 0 });
      expect(usage.totalCost).toBeCloseTo(
        Number((await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: row.id } })).estimatedCostUsd),
        4,
      );
    } finally {
      app.emulator.configure({ webhook: 'deliver' });
    }
  });
});
