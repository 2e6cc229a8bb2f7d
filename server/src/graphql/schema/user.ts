import { email, newPassword, signInEmail, signInPassword } from '../../domain/accounts/fields.ts';
import { getViewer } from '../../domain/accounts/get-viewer.ts';
import type { NewSession } from '../../domain/accounts/session.ts';
import { signIn } from '../../domain/accounts/sign-in.ts';
import { signOut } from '../../domain/accounts/sign-out.ts';
import { signUp } from '../../domain/accounts/sign-up.ts';
import { visibleUser } from '../../domain/accounts/visible-user.ts';
import { ConflictError, InvalidCredentialsError, RateLimitedError } from '../../domain/errors.ts';
import { displayName } from '../../domain/fields.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';

// Adapters: each use case authorizes its actor itself (sign-in, admin, ownership), so no field here
// carries auth scopes; its refusals reach clients as UNAUTHENTICATED, FORBIDDEN or NotFoundError.

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => visibleUser(actorOf(ctx), id),
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
    resolve: (query, _root, _args, ctx) => getViewer(ctx.deps, actorOf(ctx), query),
  }),
);

const AuthSession = builder.objectRef<NewSession>('AuthSession').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`. Shown once.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.prismaField({
      type: 'User',
      resolve: (query, s, _args, ctx) => ctx.deps.db.user.findUniqueOrThrow({ ...query, where: { id: s.userId } }),
    }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: email }),
    name: t.string({ required: true, validate: displayName }),
    password: t.string({ required: true, validate: newPassword }),
  }),
});

builder.mutationField('signUp', (t) =>
  t.field({
    type: AuthSession,
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    errors: { types: [ConflictError, RateLimitedError] },
    resolve: (_root, { input }, ctx) => signUp(ctx.deps, actorOf(ctx), { ...input, clientAddress: ctx.clientAddress }),
  }),
);

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: signInEmail }),
    password: t.string({ required: true, validate: signInPassword }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: AuthSession,
    args: { input: t.arg({ type: SignInInput, required: true }) },
    errors: { types: [InvalidCredentialsError, RateLimitedError] },
    resolve: (_root, { input }, ctx) => signIn(ctx.deps, actorOf(ctx), { ...input, clientAddress: ctx.clientAddress }),
  }),
);

const SignOutInput = builder.inputType('SignOutInput', {
  fields: (t) => ({
    everywhere: t.boolean({ description: 'Also end every other session of this user.', defaultValue: false }),
  }),
});

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: 'Ends the session whose token this request carries (or all of them). `data` is true.',
    args: { input: t.arg({ type: SignOutInput, required: true, defaultValue: { everywhere: false } }) },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      signOut(ctx.deps, actorOf(ctx), {
        everywhere: input.everywhere ?? false,
        sessionTokenHash: ctx.sessionTokenHash,
      }),
  }),
);
