// Usage and estimated cost: `me { usage(period) }` for everyone, `usageByUser` for admins.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { usageByUser, type UsagePage, type UserUsage } from '../../domain/usage/usage-by-user.ts';
import { usageByDay } from '../../domain/usage/usage-by-day.ts';
import { usageOfUser } from '../../domain/usage/usage-of-user.ts';
import type { DailyUsage, UsageSummary } from '../../generation/usage.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { operationDoc, WHO } from '../docs.ts';
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
  description: 'The usage of one fal model in the period.',
  fields: (t) => ({
    model: t.exposeString('model', { description: 'fal endpoint id, e.g. fal-ai/flux/dev.' }),
    count: t.exposeInt('count', {
      description: 'Generations submitted with this model in the period, whatever their outcome.',
    }),
    succeeded: t.exposeInt('succeeded', { description: 'Of those, how many SUCCEEDED (and are billed).' }),
    cost: t.exposeFloat('cost', { description: 'Estimated USD (4 decimals) of the SUCCEEDED ones.' }),
  }),
});

const DailyUsageRef = builder.objectRef<DailyUsage>('DailyUsage').implement({
  description: 'One UTC day of a usage period.',
  fields: (t) => ({
    day: t.exposeString('day', { description: 'The UTC day, YYYY-MM-DD.' }),
    generations: t.exposeInt('generations', { description: 'Generations submitted that day, whatever their outcome.' }),
    cost: t.exposeFloat('cost', { description: 'Estimated USD of the SUCCEEDED ones.' }),
  }),
});

const UsageRef = builder.objectRef<UsageSummary>('Usage').implement({
  description:
    'Generations (images, avatars, b-rolls) submitted to the generator in the period. Uploads are not generations. ' +
    'Costs are estimates in USD from the price table, rounded to 4 decimals, and count only SUCCEEDED generations: ' +
    'a refused or failed request is not billed.',
  fields: (t) => ({
    period: t.field({ type: UsagePeriodEnum, description: 'The period asked for.', resolve: (u) => u.period }),
    from: t.expose('from', { type: 'DateTime', nullable: true, description: 'Null for ALL.' }),
    to: t.expose('to', { type: 'DateTime', description: 'The end of the period: now.' }),
    generations: t.exposeInt('generations', {
      description: 'Every outcome: PENDING, SUCCEEDED, FAILED and CANCELLED.',
    }),
    succeeded: t.exposeInt('succeeded', { description: 'Generations that SUCCEEDED (the billed ones).' }),
    failed: t.exposeInt('failed', { description: 'Generations that FAILED: not billed.' }),
    pending: t.exposeInt('pending', { description: 'Generations still PENDING.' }),
    cancelled: t.exposeInt('cancelled', { description: 'Cancelled before the generator produced them: not billed.' }),
    totalCost: t.exposeFloat('totalCost', { description: 'Estimated USD of the SUCCEEDED generations.' }),
    byModel: t.field({
      type: [ModelUsageRef],
      description: 'Per fal model used in the period.',
      resolve: (u) => u.byModel,
    }),
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
    description: operationDoc("This user's generations and estimated cost in the period.", {
      who: 'the user themself, or an admin (FORBIDDEN for anyone else)',
    }),
    args: { period: t.arg({ type: UsagePeriodEnum, required: true, defaultValue: 'MONTH', description: PERIOD }) },
    resolve: (user, { period }, ctx) => usageOfUser(ctx.deps, actorOf(ctx), { userId: user.id, period: period }),
  }),
);

type UserUsageNode = UserUsage;
const PERIOD = 'Which calendar period (UTC); default MONTH.';

const UserUsageRef = builder.objectRef<UserUsageNode>('UserUsage').implement({
  description: "One user's usage in the period (usageByUser).",
  fields: (t) => ({
    userId: t.id({ description: 'The global ID of the user.', resolve: (u) => encodeGlobalID('User', u.userId) }),
    email: t.exposeString('email', { description: "The user's email." }),
    name: t.exposeString('name', { description: "The user's display name." }),
    usage: t.field({ type: UsageRef, description: 'Their usage in the period.', resolve: (u) => u.usage }),
  }),
});

const UserUsageConnection = builder.connectionObject(
  {
    type: UserUsageRef,
    name: 'UserUsageConnection',
    description: 'A page of users with their usage, most expensive first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'Users with at least one generation in the period.',
        resolve: (conn) => (conn as UsagePage).totalCount,
      }),
    }),
  },
  { name: 'UserUsageEdge', description: "A user's usage with its cursor." },
);

builder.queryField('usageByUser', (t) =>
  t.field({
    type: UserUsageConnection,
    authScopes: { admin: true },
    description: operationDoc(
      'Usage per user in the period, most expensive first; only users with at least one generation in it.',
      { who: WHO.admin, limits: '`first` 1–100 (default 20).', errors: 'ValidationError (a bad `first` or `after`).' },
    ),
    errors: { directResult: true, union: { name: 'UsageByUserResult' } },
    args: {
      period: t.arg({ type: UsagePeriodEnum, required: true, defaultValue: 'MONTH', description: PERIOD }),
      first: t.arg.int({ description: 'How many users, 1–100 (default 20).' }),
      after: t.arg.string({ description: 'Users after this cursor (from pageInfo.endCursor).' }),
    },
    complexity: (args) => ({ field: 2, multiplier: Math.min(100, Math.max(1, args.first ?? 20)) }),
    resolve: (_root, args, ctx) =>
      usageByUser(ctx.deps, actorOf(ctx), { period: args.period, first: args.first, after: args.after }),
  }),
);
