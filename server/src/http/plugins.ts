// Apollo plugins of /graphql over HTTP: what a request costs (and a partner's budget), and how long an
// answer may be kept by HTTP caches.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema, OperationTypeNode } from 'graphql';
import { isCatalogOnly } from '../catalog/operations.ts';
import type { Context } from '../graphql/context.ts';
import { admitOperation, type CostBudget, type QueryLimits } from './limits.ts';

/**
 * A partner's budget in the IETF headers (draft-ietf-httpapi-ratelimit-headers): the policy (`q` cost units
 * per `w` seconds) and what is left (`r`), with `t` the seconds until the bucket is full again.
 */
export function rateLimitHeaders(remaining: number, perMinute: number): [string, string][] {
  const left = Math.max(0, Math.floor(remaining));
  const full = Math.ceil((Math.max(0, perMinute - left) / perMinute) * 60);
  return [
    ['ratelimit-policy', `"cost";q=${perMinute};w=60`],
    ['ratelimit', `"cost";r=${left};t=${full}`],
  ];
}

/** What an operation was charged when it was admitted before Apollo saw it (catalog-fast-path.ts), by context. */
export type AdmittedBefore = WeakMap<Context, { cost: number; remaining?: number }>;

/**
 * Measures and admits each operation (limits.ts), reports its cost in `extensions`, and a partner's budget
 * there and in rate-limit headers (429s keep the `Retry-After` of their error).
 */
export function costPlugin(
  schema: GraphQLSchema,
  limits: QueryLimits,
  budget: CostBudget,
  admittedBefore: AdmittedBefore,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let admitted: { cost: number; remaining?: number } = { cost: 0 };
      let left: number | undefined;
      return {
        async didResolveOperation(rc) {
          if (rc.operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError(
              'Subscriptions run over WebSocket (graphql-ws protocol) on /graphql, not over HTTP POST.',
              { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
            );
          }
          const before = admittedBefore.get(rc.contextValue);
          if (before) {
            // Admitted and charged once already: the fast path handed the request over after that.
            admitted = before;
            left = before.remaining;
            return;
          }
          try {
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
            left = admitted.remaining;
          } catch (e) {
            if (e instanceof GraphQLError && e.extensions.code === 'RATE_LIMITED')
              left = Number(e.extensions.remaining);
            throw e;
          }
        },
        async willSendResponse(rc) {
          if (left !== undefined)
            for (const [name, value] of rateLimitHeaders(left, limits.apiKeyCostPerMinute))
              rc.response.http.headers.set(name, value);
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
