import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../graphql/context.ts';

export interface QueryLimits {
  maxComplexity: number;
  maxDepth: number;
  apiKeyCostPerMinute: number;
}

/** Root fields a partner API key may query: the public catalog and nothing else. */
const PARTNER_FIELDS = new Set(['publicAvatars', 'tagCategories', 'node', 'nodes', '__typename', '__schema', '__type']);

function operation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
}

/**
 * Measures a request before it runs: refuses it when too deep or too costly, keeps partners on the
 * public catalog, and charges its cost to the partner's budget. Returns the cost.
 */
export function admitOperation(
  args: { schema: GraphQLSchema; document: DocumentNode; variables: Record<string, unknown>; operationName?: string | null; ctx: Context },
  limits: QueryLimits,
  buckets: CostBuckets,
): { cost: number; remaining?: number } {
  const op = operation(args.document, args.operationName);
  if (args.ctx.apiKey && op) {
    const fields = op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
    if (op.operation !== 'query' || fields.some((f) => !PARTNER_FIELDS.has(f))) {
      throw new GraphQLError('API keys are read-only and limited to the public catalog (publicAvatars, tagCategories, node).', {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
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
  return { cost: complexity, remaining: buckets.take(args.ctx.apiKey.id, complexity, limits.apiKeyCostPerMinute) };
}

// Apollo hands the same DocumentNode for the same query text, so a page's cost is measured once per variables.
const measured = new WeakMap<DocumentNode, Map<string, { complexity: number; depth: number }>>();

function measure(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, ctx: Context) {
  let byVariables = measured.get(document);
  if (!byVariables) measured.set(document, (byVariables = new Map()));
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

/** Token buckets per API key: `perMinute` cost units refill continuously. In-process (per server instance). */
export class CostBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Charges `cost` or throws RATE_LIMITED; returns what is left. */
  take(key: string, cost: number, perMinute: number): number {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + ((t - b.at) / 60_000) * perMinute);
    b.at = t;
    if (b.tokens < cost) {
      this.buckets.set(key, b);
      const retryAfterSeconds = Math.ceil(((cost - b.tokens) / perMinute) * 60);
      throw new GraphQLError(`Rate limit: this query costs ${cost}, ${Math.floor(b.tokens)} left; retry in ${retryAfterSeconds} s.`, {
        extensions: { code: 'RATE_LIMITED', cost, remaining: Math.floor(b.tokens), retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
      });
    }
    b.tokens -= cost;
    this.buckets.set(key, b);
    return Math.floor(b.tokens);
  }

  remaining(key: string, perMinute: number): number {
    const b = this.buckets.get(key);
    if (!b) return perMinute;
    return Math.floor(Math.min(perMinute, b.tokens + ((this.now() - b.at) / 60_000) * perMinute));
  }
}
