import { createApiKey } from '../../domain/admin/create-api-key.ts';
import { listApiKeys } from '../../domain/admin/list-api-keys.ts';
import { revokeApiKey } from '../../domain/admin/revoke-api-key.ts';
import { visibleApiKey } from '../../domain/admin/visible-api-key.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { displayName } from '../../domain/fields.ts';
import type { ApiKey as ApiKeyRow } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';

// Adapters: each use case authorizes its actor itself (sign-in, admin, ownership), so no field here
// carries auth scopes; its refusals reach clients as UNAUTHENTICATED, FORBIDDEN or NotFoundError.

const ApiKey = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => visibleApiKey(actorOf(ctx), id),
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to recognise it.' }),
    scopes: t.exposeStringList('scopes'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiKey = builder.objectRef<{ key: string; apiKey: ApiKeyRow }>('CreatedApiKey').implement({
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'The secret, shown this once. Partners send `Authorization: Bearer <key>`.',
    }),
    apiKey: t.field({ type: ApiKey, resolve: (c) => c.apiKey }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    resolve: (query, _root, _args, ctx) => listApiKeys(ctx.deps, actorOf(ctx), query),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({ name: t.string({ required: true, validate: displayName }) }),
});
const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreatedApiKey,
    description: 'A read-only partner key for the public catalog.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    errors: {},
    resolve: (_root, { input }, ctx) => createApiKey(ctx.deps, actorOf(ctx), input),
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKey,
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) => revokeApiKey(ctx.deps, actorOf(ctx), { id: input.id }),
  }),
);
