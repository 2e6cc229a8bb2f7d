import { z } from 'zod';
import { API_KEY_PREFIX, newSecret, sha256 } from '../../auth/crypto.ts';
import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { localId } from '../ids.ts';

export const PARTNER_SCOPES = ['catalog:read'] as const;

const ApiKey = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...(ctx.viewer?.role === 'ADMIN' ? {} : { createdById: '' }) }),
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to recognise it.' }),
    scopes: t.exposeStringList('scopes'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiKey = builder.objectRef<{ key: string; apiKey: { id: string } }>('CreatedApiKey').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The secret, shown this once. Partners send `Authorization: Bearer <key>`.' }),
    apiKey: t.field({ type: ApiKey, resolve: (c) => c.apiKey as never }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) => ctx.deps.db.apiKey.findMany({ ...query, orderBy: { createdAt: 'desc' } }),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({ name: t.string({ required: true, validate: z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.') }) }),
});
const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreatedApiKey,
    authScopes: { admin: true },
    description: 'A read-only partner key for the public catalog.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    errors: {},
    resolve: async (_root, { input }, ctx) => {
      const key = newSecret(API_KEY_PREFIX);
      const apiKey = await ctx.deps.db.apiKey.create({
        data: { name: input.name.trim(), prefix: key.slice(0, 12), keyHash: sha256(key), scopes: [...PARTNER_SCOPES], createdById: ctx.viewer!.id },
      });
      return { key, apiKey };
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKey,
    authScopes: { admin: true },
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const id = localId(String(input.id), 'ApiKey', 'API key');
      const { count } = await ctx.deps.db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      if (!count && !(await ctx.deps.db.apiKey.findUnique({ where: { id } }))) throw new NotFoundError('API key', String(input.id));
      return ctx.deps.db.apiKey.findUniqueOrThrow({ where: { id } });
    },
  }),
);
