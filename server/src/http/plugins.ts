// Apollo plugins of /graphql over HTTP: what a request costs (and a partner's budget), and how long an
// answer may be kept by HTTP caches.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema, OperationTypeNode } from 'graphql';
import { isCatalogOnly } from '../catalog/operations.ts';
import type { Context } from '../graphql/context.ts';
import { admitOperation, type CostBudget, type QueryLimits } from './limits.ts';

/** Measures and admits each operation (limits.ts) and reports its cost in `extensions`. */
export function costPlugin(
  schema: GraphQLSchema,
  limits: QueryLimits,
  budget: CostBudget,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let admitted: { cost: number; remaining?: number } = { cost: 0 };
      return {
        async didResolveOperation(rc) {
          if (rc.operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError(
              'Subscriptions run over WebSocket (graphql-ws protocol) on /graphql, not over HTTP POST.',
              { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
            );
          }
          admitted = await admitOperation(
            {
              schema,
              document: rc.document,
              variables: rc.request.variables ?? {},
              operationName: rc.operationName,
              ctx: rc.contextValue,
            },
            limits,
            budget,
          );
        },
        async willSendResponse(rc) {
          if (rc.response.body.kind !== 'single') return;
          const extensions: Record<string, unknown> = {
            ...rc.response.body.singleResult.extensions,
            cost: admitted.cost,
          };
          if (admitted.remaining !== undefined)
            extensions.rateLimit = { remaining: admitted.remaining, perMinute: limits.apiKeyCostPerMinute };
          rc.response.body.singleResult.extensions = extensions;
        },
      };
    },
  };
}

/** What changes an answer of /graphql: who asks, and the media type asked for. */
export const VARY = 'Authorization, Accept';
/** Every answer that no HTTP cache may keep (anonymous); answers to a signed-in user or a key are private too. */
export const NO_STORE = 'no-store';
export const PRIVATE = 'private, no-store';

/**
 * `Cache-Control` of each answer: anonymous catalog-only GET answers without errors are public for the
 * catalog's TTL (what this instance's own answer cache keeps them for); anything a user or an API key
 * asked is private and never stored; anything else is not stored either.
 */
export function cacheHeadersPlugin(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const { headers } = rc.response.http;
          headers.set('vary', VARY);
          if (rc.contextValue.viewer || rc.contextValue.apiKey) {
            headers.set('cache-control', PRIVATE);
            return;
          }
          const body = rc.response.body;
          const publicRead =
            rc.request.http?.method === 'GET' &&
            rc.document !== undefined &&
            !rc.errors?.length &&
            body.kind === 'single' &&
            !body.singleResult.errors?.length &&
            (rc.response.http.status ?? 200) === 200 &&
            isCatalogOnly(rc.document, rc.operationName);
          headers.set('cache-control', publicRead ? `public, max-age=${maxAgeSeconds}` : NO_STORE);
        },
      };
    },
  };
}
