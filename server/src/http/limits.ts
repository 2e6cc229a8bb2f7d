import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type DocumentNode, GraphQLError, type GraphQLSchema, type SelectionSetNode, OperationTypeNode } from 'graphql';
import { Redis } from 'ioredis';
import { isPartnerOperation, operationOf } from '../catalog/operations.ts';
import type { Context } from '../graphql/context.ts';
import { flattenSelections, fragmentsOf } from '../graphql/selection.ts';
import type { Logger } from '../log.ts';

export interface QueryLimits {
  maxComplexity: number;
  maxDepth: number;
  apiKeyCostPerMinute: number;
}

/** Mutations that check or create credentials: one per request, so one request cannot try many passwords. */
const AUTH_MUTATIONS = new Set(['signIn', 'signUp']);

/**
 * The root fields an operation selects, through inline fragments and fragment spreads, whatever their
 * directives, as `responseKey name` (selections of one response key are merged into one execution).
 */
function rootFields(document: DocumentNode, set: SelectionSetNode): string[] {
  return flattenSelections([set], fragmentsOf(document)).fields.map(
    (f) => `${f.alias?.value ?? f.name.value} ${f.name.value}`,
  );
}

/**
 * Measures a request before it runs: refuses it when it holds more than one auth mutation or is too
 * deep or too costly, keeps partners on the public catalog, and charges its cost to the partner's
 * budget. Returns the cost.
 */
export async function admitOperation(
  args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variables: Record<string, unknown>;
    operationName?: string | null;
    ctx: Pick<Context, 'apiKey'>;
  },
  limits: QueryLimits,
  budget: CostBudget,
): Promise<{ cost: number; remaining?: number }> {
  const op = operationOf(args.document, args.operationName);
  if (op?.operation === OperationTypeNode.MUTATION) {
    const auth = new Set(
      rootFields(args.document, op.selectionSet).filter((f) => AUTH_MUTATIONS.has(f.split(' ')[1]!)),
    );
    if (auth.size > 1) {
      throw new GraphQLError(`At most one signIn or signUp per request; this one has ${auth.size}.`, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
  }
  // No operation to run (none of that name, several and no name): graphql-js refuses the request itself.
  if (args.ctx.apiKey && op && !isPartnerOperation(args.document, args.operationName)) {
    throw new GraphQLError(
      'API keys are read-only and limited to the public catalog (publicAvatars, tagCategories, node).',
      {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      },
    );
  }
  const { complexity, depth } = measure(args.schema, args.document, args.variables, args.ctx);
  if (depth > limits.maxDepth) {
    throw new GraphQLError(`Query is too deep: depth ${depth}, at most ${limits.maxDepth}.`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', depth, maxDepth: limits.maxDepth, http: { status: 400 } },
    });
  }
  if (complexity > limits.maxComplexity) {
    throw new GraphQLError(`Query is too complex: cost ${complexity}, at most ${limits.maxComplexity}.`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', cost: complexity, maxCost: limits.maxComplexity, http: { status: 400 } },
    });
  }
  if (!args.ctx.apiKey) return { cost: complexity };
  return { cost: complexity, remaining: await budget.take(args.ctx.apiKey.id, complexity, limits.apiKeyCostPerMinute) };
}

// Apollo hands the same DocumentNode for the same query text, so a page's cost is measured once per variables.
const measured = new WeakMap<DocumentNode, Map<string, { complexity: number; depth: number }>>();

function measure(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, ctx: object) {
  let byVariables = measured.get(document);
  if (!byVariables) measured.set(document, (byVariables = new Map<string, { complexity: number; depth: number }>()));
  const key = JSON.stringify(variables);
  let result = byVariables.get(key);
  if (!result) {
    try {
      result = complexityFromQuery(document, { schema, ctx, variables });
    } catch (e) {
      // Variables that do not fit the operation (a wrong type, an unknown enum value): the client's error.
      throw new GraphQLError((e as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    if (byVariables.size >= 100) byVariables.delete(byVariables.keys().next().value!);
    byVariables.set(key, result);
  }
  return result;
}

/** Partner budgets: `take` charges a query's cost to a key, or throws RATE_LIMITED; it returns what is left. */
export interface CostBudget {
  take(key: string, cost: number, perMinute: number): Promise<number>;
  close(): Promise<void>;
}

function rateLimited(cost: number, tokens: number, perMinute: number): GraphQLError {
  const retryAfterSeconds = Math.ceil(((cost - tokens) / perMinute) * 60);
  return new GraphQLError(
    `Rate limit: this query costs ${cost}, ${Math.floor(tokens)} left; retry in ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        cost,
        remaining: Math.floor(tokens),
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}

/** Token buckets per API key: `perMinute` cost units refill continuously. In-process (per server instance). */
export class CostBuckets implements CostBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Charges `cost` or throws RATE_LIMITED; returns what is left. */
  takeNow(key: string, cost: number, perMinute: number): number {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + ((t - b.at) / 60_000) * perMinute);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens < cost) throw rateLimited(cost, b.tokens, perMinute);
    b.tokens -= cost;
    return Math.floor(b.tokens);
  }

  async take(key: string, cost: number, perMinute: number): Promise<number> {
    return this.takeNow(key, cost, perMinute);
  }

  async close(): Promise<void> {
    // In-process budgets: nothing to release.
  }
}

// One bucket per key in a Redis hash, refilled and charged atomically by the server (its clock, so
// instances' clocks do not matter); it expires once it would be full again anyway.
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost, per = tonumber(ARGV[1]), tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or per
local at = tonumber(b[2]) or now
tokens = math.min(per, tokens + ((now - at) / 60000) * per)
local ok = 0
if tokens >= cost then
  tokens = tokens - cost
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 120000)
return { ok, tostring(tokens) }`;

/**
 * Budgets shared by every instance on the same Redis, so a partner gets one budget however many
 * instances serve it. If Redis does not answer, this instance's own buckets take over (logged).
 */
export function redisCostBudget(url: string, log: Logger): CostBudget {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, enableOfflineQueue: false });
  redis.on('error', () => {}); // reported per request below
  const local = new CostBuckets();
  let warnedAt = 0;
  return {
    async take(key, cost, perMinute) {
      let answer: [number, string];
      try {
        answer = (await redis.eval(TAKE_SCRIPT, 1, `better-ads:cost:${key}`, cost, perMinute)) as [number, string];
      } catch (e) {
        if (Date.now() - warnedAt > 60_000) {
          warnedAt = Date.now();
          log.warn(
            { event: 'rate_limit.redis_unavailable', err: e },
            'Redis did not answer: this instance charges partner budgets alone (said at most once a minute)',
          );
        }
        return local.takeNow(key, cost, perMinute);
      }
      const tokens = Number(answer[1]);
      if (answer[0] !== 1) throw rateLimited(cost, tokens, perMinute);
      return Math.floor(tokens);
    },
    async close() {
      redis.disconnect();
    },
  };
}
