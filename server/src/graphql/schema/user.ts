import { z } from 'zod';
import { checkPassword, hashPassword, newSecret, SESSION_PREFIX, sha256 } from '../../auth/crypto.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ConflictError, InvalidCredentialsError, RateLimitedError } from '../errors.ts';

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  // Users are only visible to themselves.
  findUnique: (id, ctx) => ({ id: ctx.viewer?.id === id ? id : '' }),
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.field({ type: builder.enumType('Role', { values: ['USER', 'ADMIN'] as const }), resolve: (u) => u.role }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null when anonymous.',
    resolve: (query, _root, _args, ctx) => (ctx.viewer ? ctx.deps.db.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null),
  }),
);

const AuthSession = builder.objectRef<{ token: string; expiresAt: Date; userId: string }>('AuthSession').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`. Shown once.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.prismaField({ type: 'User', resolve: (query, s, _args, ctx) => ctx.deps.db.user.findUniqueOrThrow({ ...query, where: { id: s.userId } }) }),
  }),
});

export async function startSession(deps: Pick<Context['deps'], 'db' | 'settings'>, userId: string) {
  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + deps.settings.sessionTtlMs);
  await deps.db.session.create({ data: { tokenHash: sha256(token), userId, expiresAt } });
  return { token, expiresAt, userId };
}

function inMinutes(at: Date): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const email = z.string().trim().toLowerCase().max(254, 'At most 254 characters.').email('Not a valid email address.');

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: email }),
    name: t.string({ required: true, validate: z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.') }),
    password: t.string({ required: true, validate: z.string().min(8, 'At least 8 characters.').max(200, 'At most 200 characters.') }),
  }),
});

builder.mutationField('signUp', (t) =>
  t.field({
    type: AuthSession,
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    errors: { types: [ConflictError, RateLimitedError] },
    resolve: async (_root, { input }, ctx) => {
      const allowed = await ctx.authLimits.signUpAttempt(ctx.clientAddress);
      if (!allowed.ok) throw new RateLimitedError(`Too many sign-ups from your network; try again ${inMinutes(allowed.retryAfter)}.`, allowed.retryAfter);
      const address = input.email.trim().toLowerCase();
      if (await ctx.deps.db.user.findUnique({ where: { email: address }, select: { id: true } })) {
        throw new ConflictError('An account with this email already exists.', ['input', 'email']);
      }
      const user = await ctx.deps.db.user.create({ data: { email: address, name: input.name.trim(), passwordHash: await hashPassword(input.password) } });
      return startSession(ctx.deps, user.id);
    },
  }),
);

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: z.string().max(254, 'At most 254 characters.') }),
    password: t.string({ required: true, validate: z.string().max(200, 'At most 200 characters.') }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: AuthSession,
    args: { input: t.arg({ type: SignInInput, required: true }) },
    errors: { types: [InvalidCredentialsError, RateLimitedError] },
    resolve: async (_root, { input }, ctx) => {
      const address = input.email.trim().toLowerCase();
      // Refused before the password is looked at: past the limit even the right one gets this answer.
      const allowed = await ctx.authLimits.signInAttempt(address, ctx.clientAddress);
      if (!allowed.ok) throw new RateLimitedError(`Too many failed sign-ins; try again ${inMinutes(allowed.retryAfter)}.`, allowed.retryAfter);
      const user = await ctx.deps.db.user.findUnique({ where: { email: address }, select: { id: true, passwordHash: true } });
      if (!(await checkPassword(input.password, user?.passwordHash))) throw new InvalidCredentialsError();
      await ctx.authLimits.signInSucceeded(address, ctx.clientAddress);
      return startSession(ctx.deps, user!.id);
    },
  }),
);

const SignOutInput = builder.inputType('SignOutInput', {
  fields: (t) => ({ everywhere: t.boolean({ description: 'Also end every other session of this user.', defaultValue: false }) }),
});

builder.mutationField('signOut', (t) =>
  t.boolean({
    authScopes: { user: true },
    description: 'Ends the session whose token this request carries (or all of them). `data` is true.',
    args: { input: t.arg({ type: SignOutInput, required: true, defaultValue: { everywhere: false } }) },
    errors: {},
    resolve: async (_root, { input }, ctx) => {
      const where = input.everywhere ? { userId: ctx.viewer!.id } : { tokenHash: ctx.sessionTokenHash ?? '' };
      await ctx.deps.db.session.deleteMany({ where });
      return true;
    },
  }),
);
