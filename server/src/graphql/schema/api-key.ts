import { createApiKey } from '../../domain/admin/create-api-key.ts';
import { listApiKeys } from '../../domain/admin/list-api-keys.ts';
import { revokeApiKey } from '../../domain/admin/revoke-api-key.ts';
import { visibleApiKey } from '../../domain/admin/visible-api-key.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { displayName } from '../../domain/fields.ts';
import type { ApiKey as ApiKeyRow } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data, operationDoc, WHO } from '../docs.ts';

// Adapters: each use case authorizes its actor itself (sign-in, admin, ownership), so no field here
// carries auth scopes; its refusals reach clients as UNAUTHENTICATED, FORBIDDEN or NotFoundError.

const ApiKey = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  nullable: true,
  description: 'A partner API key (read-only catalog access). Only admins see keys; the secret is never shown again.',
  findUnique: (id, ctx) => visibleApiKey(actorOf(ctx), id),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Who it is for, 1–100 characters.' }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to recognise it.' }),
    scopes: t.exposeStringList('scopes', { description: 'What it may read; today always ["catalog:read"].' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last request; null: never.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'Null while it works.' }),
  }),
});

const CreatedApiKey = builder.objectRef<{ key: string; apiKey: ApiKeyRow }>('CreatedApiKey').implement({
  description: 'A new key: its secret (shown once) and its record.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'The secret, shown this once. Partners send `Authorization: Bearer <key>`.',
    }),
    apiKey: t.field({ type: ApiKey, description: 'The stored key (hashed; prefix shown).', resolve: (c) => c.apiKey }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    description: operationDoc('Every API key, revoked ones included, newest first.', { who: WHO.admin }),
    resolve: (query, _root, _args, ctx) => listApiKeys(ctx.deps, actorOf(ctx), query),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new partner key.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Who it is for, 1–100 characters (trimmed).',
      validate: displayName,
    }),
  }),
});
const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'The key to revoke.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The global ID of the key.' }) }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreatedApiKey,
    description: operationDoc(
      'A read-only partner key for the public catalog (publicAvatars, tagCategories, node, nodes); stored hashed.',
      {
        who: WHO.admin,
        limits: 'each key may spend API_KEY_COST_PER_MINUTE (default 100 000) query cost per minute.',
        errors: 'ValidationError.',
      },
    ),
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'The new key.' }) },
    errors: data('The secret (shown this once) and the key.'),
    resolve: (_root, { input }, ctx) => createApiKey(ctx.deps, actorOf(ctx), input),
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKey,
    description: operationDoc('Ends a key at once: its next request is UNAUTHENTICATED.', {
      who: WHO.admin,
      errors: 'NotFoundError, ValidationError.',
    }),
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true, description: 'Which key.' }) },
    errors: { types: [NotFoundError], ...data('The key, with revokedAt set.') },
    resolve: (_root, { input }, ctx) => revokeApiKey(ctx.deps, actorOf(ctx), { id: input.id }),
  }),
);
