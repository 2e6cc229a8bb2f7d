// Usage and estimated cost: `me { usage(period) }` for everyone, `usageByUser` for admins.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { usageByUser, type UsagePage, type UserUsage } from '../../domain/usage/usage-by-user.ts';
import { usageByDay } from '../../domain/usage/usage-by-day.ts';
import { usageOfUser } from '../../domain/usage/usage-of-user.ts';
import type { DailyUsage, UsageSummary } from '../../generation/usage.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
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
    count: t.exposeInt('count', {
      description: 'Generations submitted with this model in the period, whatever their outcome.',
    }),
    succeeded: t.exposeInt('succeeded'),
    cost: t.exposeFloat('cost', { description: 'Estimated USD (4 decimals) of the SUCCEEDED ones.' }),
  }),
});

const DailyUsageRef = builder.objectRef<DailyUsage>('DailyUsage').implement({
  fields: (t) => ({
    day: t.exposeString('day', { description: 'The UTC day, YYYY-MM-DD.' }),
    generations: t.exposeInt('generations'),
    cost: t.exposeFloat('cost', { description: 'Estimated USD of the SUCCEEDED ones.' }),
  }),
});

const UsageRef = builder.objectRef<UsageSummary>('Usage').implement({
  description:
    'Generations (images, avatars, b-rolls) submitted to the generator in the period. Uploads are not generations. ' +
    'Costs are estimates in USD from the price table, rounded to 4 decimals, and count only SUCCEEDED generations: ' +
    'a refused or failed request is not billed.',
  fields: (t) => ({
    period: t.field({ type: UsagePeriodEnum, resolve: (u) => u.period }),
    from: t.expose('from', { type: 'DateTime', nullable: true, description: 'Null for ALL.' }),
    to: t.expose('to', { type: 'DateTime' }),
    generations: t.exposeInt('generations', {
      description: 'Every outcome: PENDING, SUCCEEDED, FAILED and CANCELLED.',
    }),
    succeeded: t.exposeInt('succeeded'),
    failed: t.exposeInt('failed'),
    pending: t.exposeInt('pending'),
    cancelled: t.exposeInt('cancelled', { description: 'Cancelled before the generator produced them: not billed.' }),
    totalCost: t.exposeFloat('totalCost', { description: 'Estimated USD of the SUCCEEDED generations.' }),
    byModel: t.field({ type: [ModelUsageRef], resolve: (u) => u.byModel }),
    byDay: t.field({
      type: [DailyUsageRef],
      description: 'Every UTC day of the period (ALL: from the first generation, at most a year), spent or not.',
      resolve: (u, _a, ctx) => usageByDay(ctx.deps, actorOf(ctx), { userId: u.userId, period: u.period }),
    }),
  }),
});

builder.objectField(User, 'usage', (t) =>
  t.field({
    type: UsageRef,
    args: { period: t.arg({ type: UsagePeriodEnum, required: true, defaultValue: 'MONTH' }) },
    resolve: (user, { period }, ctx) => usageOfUser(ctx.deps, actorOf(ctx), { userId: user.id, period: period }),
  }),
);

type UserUsageNode = UserUsage;

const UserUsageRef = builder.objectRef<UserUsageNode>('UserUsage').implement({
  fields: (t) => ({
    userId: t.id({ resolve: (u) => encodeGlobalID('User', u.userId) }),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    usage: t.field({ type: UsageRef, resolve: (u) => u.usage }),
  }),
});

const UserUsageConnection = builder.connectionObject(
  {
    type: UserUsageRef,
    name: 'UserUsageConnection',
    fields: (t) => ({ totalCount: t.int({ resolve: (conn) => (conn as UsagePage).totalCount }) }),
  },
  { name: 'UserUsageEdge' },
);

builder.queryField('usageByUser', (t) =>
  t.field({
    type: UserUsageConnection,
    authScopes: { admin: true },
    description:
      'Admins: usage per user in the period, most expensive first. ' +
      'Only users with at least one generation in the period are listed.',
    errors: { directResult: true, union: { name: 'UsageByUserResult' } },
    args: {
      period: t.arg({ type: UsagePeriodEnum, required: true, defaultValue: 'MONTH' }),
      first: t.arg.int({ description: '1–100, default 20.' }),
      after: t.arg.string(),
    },
    complexity: (args) => ({ field: 2, multiplier: Math.min(100, Math.max(1, args.first ?? 20)) }),
    resolve: (_root, args, ctx) =>
      usageByUser(ctx.deps, actorOf(ctx), { period: args.period, first: args.first, after: args.after }),
  }),
);
