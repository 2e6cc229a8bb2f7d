import SchemaBuilder, { PothosValidationError } from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { InvalidInputError } from '../domain/errors.ts';
import { decodePublicId } from '../domain/ids.ts';
import type PrismaTypes from '../generated/pothos-prisma-types.ts';
import { getDatamodel } from '../generated/pothos-prisma-types.ts';
import type { Context } from './context.ts';
import GeneratedDocsPlugin from './generated-docs.ts';
import InputBoundaryPlugin from './input-boundary.ts';
import { relayDocs } from './relay-docs.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date }; ID: { Input: string; Output: string | number } };
  AuthScopes: { user: boolean; admin: boolean; anyone: boolean };
}>({
  // The input boundary comes inside the errors plugin, so its refusals become ValidationError members,
  // and before the Prisma plugin, so it sees the Prisma field extensions it wraps.
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    InputBoundaryPlugin,
    ValidationPlugin,
    PrismaPlugin,
    RelayPlugin,
    ComplexityPlugin,
    GeneratedDocsPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ user: !!ctx.viewer, admin: ctx.viewer?.role === 'ADMIN', anyone: true }),
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? new GraphQLError('You are not allowed to do this.', { extensions: { code: 'FORBIDDEN' } })
        : new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } }),
  },
  errors: {
    defaultTypes: [InvalidInputError],
    unsafelyHandleInputErrors: true,
    defaultUnionOptions: {
      description: 'Either the Success result or one of the typed errors this field documents (select `__typename`).',
    },
    defaultResultOptions: { description: 'The result of the field when it succeeded.' },
  },
  validation: {
    validationError: (failure) =>
      new InvalidInputError(
        failure.issues.map((i) => ({
          message: i.message,
          path: (i.path ?? []).map((p) => (typeof p === 'object' ? p.key : p)) as (string | number)[],
        })),
      ),
  },
  prisma: {
    client: (ctx) => ctx.deps.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    // An ID of a type that is not a node is as unknown as a malformed one: a client error, not a crash.
    decodeGlobalID: (globalID) => {
      const decoded = decodePublicId(globalID);
      if (!decoded) throw new PothosValidationError(`Invalid global ID: ${globalID}`);
      return decoded;
    },
    // node and nodes are schema/node.ts's: a malformed or missing ID is null there, not an error.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
    // A connection's own field charges per requested item; its edges list must not multiply again.
    edgesFieldOptions: {
      complexity: { field: 0, multiplier: 1 },
      description: 'The items of this page with their cursors, in the connection order.',
    },
    ...relayDocs,
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 5,
  },
});

builder.queryType({
  description:
    'Reads. Anonymous callers and API keys read the public catalog (publicAvatars, tagCategories, node, nodes), ' +
    'anonymous ones also `me` (null) and `quote`; the rest needs a session (`Authorization: Bearer <token>`). ' +
    'Every answer carries its cost in ' +
    '`extensions.cost`: at most depth 10 and cost 10 000 per operation.',
});
builder.mutationType({
  description:
    'Writes. Each mutation takes one `input` and returns a union: its `…Success { data }` or a typed error ' +
    'implementing Error (ValidationError for refused input, and those its description lists). An error result ' +
    'changed nothing. Not allowed for API keys.',
});
builder.subscriptionType({
  description:
    'Live updates over WebSocket (graphql-ws at /graphql, `connectionParams: { authorization: "Bearer <token>" }`), ' +
    'for signed-in users on their own data.',
});
