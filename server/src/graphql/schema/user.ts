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
import { data, operationDoc, WHO } from '../docs.ts';
import { userDocs as d } from './user.docs.ts';

// Adapters: each use case authorizes its actor itself (sign-in, admin, ownership), so no field here
// carries auth scopes; its refusals reach clients as UNAUTHENTICATED, FORBIDDEN or NotFoundError.

const Role = builder.enumType('Role', {
  description: 'What an account may do.',
  values: {
    USER: { description: 'Makes and manages their own projects, images, avatars and b-rolls.' },
    ADMIN: { description: 'Also curates the public catalog (tags, public avatars), API keys and usage of all.' },
  } as const,
});

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  description: d.User,
  findUnique: (id, ctx) => visibleUser(actorOf(ctx), id),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Sign-in email, lowercased; at most 254 characters.' }),
    name: t.exposeString('name', { description: 'Display name, 1–100 characters.' }),
    role: t.field({ type: Role, description: 'USER or ADMIN.', resolve: (u) => u.role }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: operationDoc('The signed-in user, or null when anonymous (or an API key).', { who: WHO.anyone }),
    resolve: (query, _root, _args, ctx) => getViewer(ctx.deps, actorOf(ctx), query),
  }),
);

const AuthSession = builder.objectRef<NewSession>('AuthSession').implement({
  description: d.AuthSession,
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`. Shown once.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the token stops working (30 days).' }),
    user: t.prismaField({
      type: 'User',
      description: 'The account the session is for.',
      resolve: (query, s, _args, ctx) => ctx.deps.db.user.findUniqueOrThrow({ ...query, where: { id: s.userId } }),
    }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  description: 'A new account.',
  fields: (t) => ({
    email: t.string({ required: true, description: d.email, validate: email }),
    name: t.string({ required: true, description: 'Display name, 1–100 characters (trimmed).', validate: displayName }),
    password: t.string({ required: true, description: '8–200 characters.', validate: newPassword }),
  }),
});

builder.mutationField('signUp', (t) =>
  t.field({
    type: AuthSession,
    description: d.signUp,
    args: { input: t.arg({ type: SignUpInput, required: true, description: 'The new account.' }) },
    errors: { types: [ConflictError, RateLimitedError], ...data('The new session, signed in as the new user.') },
    resolve: (_root, { input }, ctx) => signUp(ctx.deps, actorOf(ctx), { ...input, clientAddress: ctx.clientAddress }),
  }),
);

const SignInInput = builder.inputType('SignInInput', {
  description: 'Credentials of an existing account.',
  fields: (t) => ({
    email: t.string({
      required: true,
      description: 'At most 254 characters; case-insensitive.',
      validate: signInEmail,
    }),
    password: t.string({ required: true, description: 'At most 200 characters.', validate: signInPassword }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: AuthSession,
    description: d.signIn,
    args: { input: t.arg({ type: SignInInput, required: true, description: 'Email and password.' }) },
    errors: { types: [InvalidCredentialsError, RateLimitedError], ...data('The new session.') },
    resolve: (_root, { input }, ctx) => signIn(ctx.deps, actorOf(ctx), { ...input, clientAddress: ctx.clientAddress }),
  }),
);

const SignOutInput = builder.inputType('SignOutInput', {
  description: 'Which sessions to end.',
  fields: (t) => ({
    everywhere: t.boolean({ description: 'Also end every other session of this user.', defaultValue: false }),
  }),
});

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: operationDoc('Ends the session whose token this request carries (or all of them).', { who: WHO.user }),
    args: {
      input: t.arg({ type: SignOutInput, required: true, defaultValue: { everywhere: false }, description: d.out }),
    },
    errors: data('True: the session (or every session) has ended.'),
    resolve: (_root, { input }, ctx) =>
      signOut(ctx.deps, actorOf(ctx), {
        everywhere: input.everywhere ?? false,
        sessionTokenHash: ctx.sessionTokenHash,
      }),
  }),
);
