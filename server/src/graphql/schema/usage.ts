// Usage and estimated cost: `me { usage(period) }` for everyone, `usageByUser` for admins.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { usageByUserPage, usageOf, usageUserCount, type UsagePeriod, type UsageSummary } from '../../generation/usage.ts';
import { builder } from '../builder.ts';
import { invalid } from '../errors.ts';
import { User } from './user.ts';

const UsagePeriodEnum = builder.enumType('UsagePeriod', {
  description: 'Calendar periods in UTC, up to now.',
  values: {
    DAY: { description: 'Since 00:00 UTC today.' },
    WEEK: { description: 'Since Monday 00:00 UTC.' },
    MONTH: { description: 'Since the 1st of the month, 00:00 UTC.' },
    ALL: { description: 'Everything.' },
  } as const,
});

const ModelUsageRef = builder.objectRef<UsageSummary['byModel'][number]>('ModelUsage').implement({
  fields: (t) => ({
    model: t.exposeString('model', { description: 'fal endpoint id, e.g. fal-ai/flux/dev.' }),
    count: t.exposeInt('count', { description: 'Generations submitted with this model in the period, whatever their outcome.' }),
    succeeded: t.exposeInt('succeeded'),
    cost: t.exposeFloat('cost', { description: 'Estimated USD (4 decimals) of the SUCCEEDED ones.' }),
  }),
});

const UsageRef = builder.objectRef<UsageSummary>('Usage').implement({
  description:
    'Generations (images, avatars, b-rolls) submitted to the generator in the period. Uploads are not generations. ' +
    'Costs are estimates in USD from the price table, rounded to 4 decimals, and count only SUCCEEDED generations: a refused or failed request is not billed.',
  fields: (t) => ({
    period: t.field({ type: UsagePeriodEnum, resolve: (u) => u.period }),
    from: t.expose('from', { type: 'DateTime', nullable: true, description: 'Null for ALL.' }),
    to: t.expose('to', { type: 'DateTime' }),
    generations: t.exposeInt('generations', { description: 'Every outcome: PENDING, SUCCEEDED and FAILED.' }),
    succeeded: t.exposeInt('succeeded'),
    failed: t.exposeInt('failed'),
    pending: t.exposeInt('pending'),
    totalCost: t.exposeFloat('totalCost', { description: 'Estimated USD of the SUCCEEDED generations.' }),
    byModel: t.field({ type: [ModelUsageRef], resolve: (u) => u.byModel }),
  }),
});

builder.objectField(User, 'usage', (t) =>
  t.field({
    type: UsageRef,
    args: { period: t.arg({ type: UsagePeriodEnum, required: true, defaultValue: 'MONTH' }) },
    resolve: async (user, { period }, ctx) => (await usageOf(ctx.deps.db, [user.id], period as UsagePeriod)).get(user.id)!,
  }),
);

interface UserUsageNode {
  userId: string;
  email: string;
  name: string;
  usage: UsageSummary;
}

const UserUsageRef = builder.objectRef<UserUsageNode>('UserUsage').implement({
  fields: (t) => ({
    userId: t.id({ resolve: (u) => encodeGlobalID('User', u.userId) }),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    usage: t.field({ type: UsageRef, resolve: (u) => u.usage }),
  }),
});

type Page = { edges: { node: UserUsageNode; cursor: string }[]; pageInfo: object; totalCount: number };

const UserUsageConnection = builder.connectionObject(
  {
    type: UserUsageRef,
    name: 'UserUsageConnection',
    fields: (t) => ({ totalCount: t.int({ resolve: (conn) => (conn as unknown as Page).totalCount }) }),
  },
  { name: 'UserUsageEdge' },
);

const encodeCursor = (cost: string, userId: string) => Buffer.from(`usage:${cost}:${userId}`).toString('base64url');
function decodeCursor(cursor: string): { cost: string; userId: string } | null {
  const m = /^usage:(\d{1,12}(?:\.\d{1,4})?):([\w-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { cost: m[1]!, userId: m[2]! } : null;
}

builder.queryField('usageByUser', (t) =>
  t.field({
    type: UserUsageConnection,
    authScopes: { admin: true },
    description: 'Admins: usage per user in the period, most expensive first. Only users with at least one generation in the period are listed.',
    errors: { directResult: true, union: { name: 'UsageByUserResult' } },
    args: {
      period: t.arg({ type: UsagePeriodEnum, required: true, defaultValue: 'MONTH' }),
      first: t.arg.int({ description: '1–100, default 20.' }),
      after: t.arg.string(),
    },
    complexity: (args) => ({ field: 2, multiplier: Math.min(100, Math.max(1, args.first ?? 20)) }),
    resolve: async (_root, args, ctx) => {
      const size = args.first ?? 20;
      if (size < 1 || size > 100) throw invalid(['first'], 'Must be between 1 and 100.');
      const after = args.after ? decodeCursor(args.after) : null;
      if (args.after && !after) throw invalid(['after'], 'Not a cursor of this list.');
      const period = args.period as UsagePeriod;
      const now = new Date();
      const rows = await usageByUserPage(ctx.deps.db, period, size, after, now);
      const page = rows.slice(0, size);
      const usage = page.length ? await usageOf(ctx.deps.db, page.map((r) => r.userId), period, now) : new Map<string, UsageSummary>();
      const edges = page.map((r) => ({ cursor: encodeCursor(r.totalCost, r.userId), node: { userId: r.userId, email: r.email, name: r.name, usage: usage.get(r.userId)! } }));
      return {
        edges,
        totalCount: rows[0]?.totalCount ?? (await usageUserCount(ctx.deps.db, period, now)),
        pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      } as never;
    },
  }),
);
