// Catalog-only POST requests (publicAvatars, tagCategories: the hottest reads, see catalog/operations.ts)
// answered without Apollo's request pipeline: measured with `npm run bench:catalog`, its per-request work
// (a SHA-256 of the query text, the document store, a dozen plugin hooks awaited in turn, header maps)
// cost about as much server CPU as the GraphQL execution itself. Each query text is parsed, validated and
// compiled by graphql-jit once; a request is then admitted (limits.ts, the same cost and budget), executed
// with the same context and resolvers, and answered with the bytes and headers Apollo and the plugins
// (plugins.ts) would give it. Anything else goes to Apollo: another operation, an error of any kind (it
// formats errors; a request already charged is not charged again, see `admittedBefore`), persisted queries,
// an Accept header other than JSON.
import type { IncomingHttpHeaders } from 'node:http';
import { type DocumentNode, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { operationOf } from '../catalog/operations.ts';
import type { Context } from '../graphql/context.ts';
import { compileCatalogQuery, leavesOutADefault } from '../graphql/jit.ts';
import { admitOperation, type CostBudget, type QueryLimits } from './limits.ts';
import { type AdmittedBefore, NO_STORE, PRIVATE, rateLimitHeaders, VARY } from './plugins.ts';

const MAX_QUERIES = 200;
/** Apollo's answer type when the request's Accept header leaves the choice to the server (no header, or JSON). */
const JSON_UTF8 = 'application/json; charset=utf-8';
const PLAIN_JSON_ACCEPT = new Set(['*/*', 'application/json']);

interface Prepared {
  document: DocumentNode;
  compiled: CompiledQuery;
}

export interface FastAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** An answer, or Apollo's turn (with the context already built, when it was). */
export type FastResult = { answer: FastAnswer } | { answer?: undefined; context?: Promise<Context> };

export interface CatalogFastPathOptions {
  schema: GraphQLSchema;
  limits: QueryLimits;
  budget: CostBudget;
  /** Shared with costPlugin: a request handed to Apollo after its admission is not charged twice. */
  admittedBefore: AdmittedBefore;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fast path of /graphql: `run` answers a parsed POST body, or hands it to Apollo. */
export function catalogFastPath({ schema, limits, budget, admittedBefore }: CatalogFastPathOptions) {
  // By operation name and query text; null: not for this path (not catalog-only, invalid, refused by the compiler).
  const prepared = new Map<string, Prepared | null>();
  const prepare = (query: string, operationName: string | undefined): Prepared | null => {
    const key = `${operationName ?? ''}\n${query}`;
    let entry = prepared.get(key);
    if (entry === undefined) {
      entry = null;
      try {
        const document = parse(query);
        // Apollo's rules (specifiedRules, no rule of our own); a request that breaks one gets Apollo's answer.
        if (validate(schema, document, specifiedRules).length === 0) {
          const compiled = compileCatalogQuery(schema, document, operationName);
          if (compiled) entry = { document, compiled };
        }
      } catch {
        entry = null;
      }
      if (prepared.size >= MAX_QUERIES) prepared.delete(prepared.keys().next().value!);
      prepared.set(key, entry);
    }
    return entry;
  };

  return async (
    headers: IncomingHttpHeaders,
    body: Record<string, unknown>,
    context: () => Promise<Context>,
  ): Promise<FastResult> => {
    const { query, operationName, variables } = body;
    if (typeof query !== 'string' || query === '' || (body.extensions !== undefined && body.extensions !== null))
      return {};
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return {};
    if (variables !== undefined && variables !== null && !isRecord(variables)) return {};
    if (headers.accept !== undefined && !PLAIN_JSON_ACCEPT.has(headers.accept.trim())) return {};
    const name = operationName ?? undefined;
    const entry = prepare(query, name);
    const values = variables ?? {};
    if (!entry || leavesOutADefault(operationOf(entry.document, name)!, values)) return {};

    const built = context();
    let ctx: Context;
    try {
      ctx = await built;
    } catch {
      return { context: built }; // Apollo reports it as it does (UNAUTHENTICATED)
    }
    let admitted: { cost: number; remaining?: number };
    try {
      admitted = await admitOperation(
        { schema, document: entry.document, variables: values, operationName: name, ctx },
        limits,
        budget,
      );
    } catch {
      return { context: built }; // refused before any charge: Apollo admits it again and says why
    }
    const result = await Promise.resolve(entry.compiled.query(undefined, ctx, values)).catch(() => null);
    if (!result || result.errors?.length) {
      admittedBefore.set(ctx, admitted);
      return { context: built };
    }
    const extensions: Record<string, unknown> = { ...result.extensions, cost: admitted.cost };
    const out: Record<string, string> = { 'content-type': JSON_UTF8, vary: VARY };
    if (admitted.remaining !== undefined) {
      extensions.rateLimit = { remaining: admitted.remaining, perMinute: limits.apiKeyCostPerMinute };
      for (const [header, value] of rateLimitHeaders(admitted.remaining, limits.apiKeyCostPerMinute))
        out[header] = value;
    }
    // A POST answer is never public (cacheHeadersPlugin); the caller's own answer cache keeps anonymous ones.
    out['cache-control'] = ctx.viewer || ctx.apiKey ? PRIVATE : NO_STORE;
    // Apollo's stringifyResult: the fields in the order errors, data, extensions, and a newline.
    const text = `${JSON.stringify({ data: result.data, extensions })}\n`;
    return { answer: { status: 200, headers: out, body: Buffer.from(text) } };
  };
}

export type CatalogFastPath = ReturnType<typeof catalogFastPath>;
