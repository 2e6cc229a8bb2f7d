import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express from 'express';
import type { Config } from '../config.ts';
import type { Deps } from '../app/deps.ts';
import { buildContext, type Context } from '../graphql/context.ts';
import { formatGraphQLError } from '../graphql/format-error.ts';
import { schema } from '../graphql/schema/index.ts';
import { jitGateway } from '../graphql/jit.ts';
import type { WebhookVerifier } from '../fal/webhook.ts';
import type { Jobs } from '../jobs/runner.ts';
import { createMetrics } from './metrics.ts';
import { falWebhookRouter, type WebhookStats } from './webhooks.ts';
import { CostBuckets, redisCostBudget } from './limits.ts';
import { redisQueryCache } from './persisted-queries.ts';
import { type AdmittedBefore, cacheHeadersPlugin, costPlugin } from './plugins.ts';
import { withRequestId } from '../log.ts';
import { CatalogAnswers } from './catalog-responses.ts';
import { catalogFastPath } from './catalog-fast-path.ts';
import { clientAddressOf } from './client-address.ts';
import { graphqlHttp, isGraphqlPath, parseSize, requestIdOf } from './graphql-http.ts';
import { graphqlWebSocket } from './ws.ts';
import type { SharedSubscriptions } from '../graphql/shared-subscriptions.ts';

/** The HTTP and WebSocket server of one app (createApp builds what it serves). */
export interface HttpServer {
  server: Server;
  url: string;
  /** The live subscriptions (their groups and subscribers, for tests). */
  subscriptions: SharedSubscriptions;
  stop(): Promise<void>;
}

const DEFAULT_CLIENT_DIST = resolve(import.meta.dirname, '../../../client/dist');

export interface HttpParts {
  deps: Deps;
  jobs: Jobs;
  verifier: WebhookVerifier;
  webhookSecret: string;
  webhookStats: WebhookStats;
}

/**
 * Body parsers call `next` from stream callbacks, outside the request's async context: re-enter it
 * after them so every log line written while resolving carries the request id.
 */
const bindRequestId: express.RequestHandler = (_req, res, next) => withRequestId(res.locals.requestId as string, next);

/** Serves GraphQL (HTTP and WebSocket), webhooks, health, metrics and the client on config.port. */
export async function startHttp(
  config: Config,
  { deps, jobs, verifier, webhookSecret, webhookStats }: HttpParts,
): Promise<HttpServer> {
  const app = express();
  const { db, log, storage } = deps;
  const limits = {
    maxComplexity: config.limits.maxComplexity,
    maxDepth: config.limits.maxDepth,
    apiKeyCostPerMinute: config.limits.apiKeyCostPerMinute,
  };
  // Partners' cost budgets: shared through Redis when the instances share one, else this instance's.
  const budget = config.redisUrl ? redisCostBudget(config.redisUrl, log) : new CostBuckets();
  const admittedBefore: AdmittedBefore = new WeakMap();
  // Apollo is made below, after the server its drain plugin closes; requests only come once both listen.
  const graphql = graphqlHttp<Context>({
    apollo: () => apollo,
    context: (req, requestId) =>
      buildContext(deps, req.headers.authorization, {
        requestId,
        clientAddress: clientAddressOf(req, config.trustProxy),
      }),
    answers: new CatalogAnswers(deps.catalog),
    fast: catalogFastPath({ schema, limits, budget, admittedBefore }),
    bodyLimit: config.limits.bodyLimit,
    log,
  });
  const server = createServer((req, res) => {
    if (isGraphqlPath(req.url)) void graphql(req, res);
    else app(req, res);
  });
  // Persisted query texts: in Redis for every instance when there is one, else Apollo's in-memory default.
  const queryTexts = config.redisUrl ? redisQueryCache(config.redisUrl, log) : undefined;
  const dev = config.env === 'development';

  const ws = graphqlWebSocket({
    server,
    schema,
    deps,
    limits,
    budget,
    bodyLimit: parseSize(config.limits.bodyLimit),
    keepAliveMs: config.wsKeepAliveMs,
    dev,
    clientAddressOf: (req) => clientAddressOf(req, config.trustProxy),
  });

  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(schema),
    introspection: true,
    // main.ts owns shutdown (SIGINT/SIGTERM), in order: HTTP and WebSocket drain, jobs, pools, embedded services.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: dev,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await ws.dispose();
            },
          };
        },
      },
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      costPlugin(schema, limits, budget, admittedBefore),
      cacheHeadersPlugin(Math.round(deps.catalog.ttlMs / 1000)),
    ],
    ...(queryTexts ? { persistedQueries: { cache: queryTexts.cache } } : {}),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, { dev, log }),
  });
  await apollo.start();

  app.disable('x-powered-by');
  // No ETag hashing of every GraphQL answer: POST responses are not revalidated (static files keep theirs).
  app.set('etag', false);
  app.use((req, res, next) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    withRequestId(id, next);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [database, objectStorage] = await Promise.all([
      db.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      ),
      storage.ping(),
    ]);
    res
      .status(database && objectStorage ? 200 : 503)
      .json({ status: database && objectStorage ? 'ready' : 'unavailable', database, storage: objectStorage });
  });
  app.use(falWebhookRouter(deps, verifier, jobs, webhookStats, webhookSecret, bindRequestId));
  const metrics = createMetrics(db, webhookStats, jobs);
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.render());
  });

  const dist = config.clientDist ?? DEFAULT_CLIENT_DIST;
  if (existsSync(dist)) {
    app.get('/graphiql', (_req, res) => res.sendFile(resolve(dist, 'graphiql.html')));
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|webhooks|assets\/).*/, (_req, res) => res.sendFile(resolve(dist, 'index.html')));
  }
  // Errors of the Express routes (webhooks, health, metrics, the client); /graphql has its own (graphql-http.ts).
  app.use(
    (
      err: Error & { status?: number; type?: string; limit?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
      if (status === 500) log.error({ event: 'http.internal_error', err }, 'internal error');
      const message =
        err.type === 'entity.too.large'
          ? `Request body is larger than ${err.limit} bytes.`
          : status === 500
            ? 'Internal server error'
            : err.message;
      res.status(status).json({
        errors: [
          {
            message,
            extensions: {
              code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
            },
          },
        ],
      });
    },
  );

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(config.port, config.host, () => ok());
    });
  } catch (e) {
    // Not serving (the port is taken): stop what started here, so that the caller can stop the database under it.
    await ws.dispose();
    for (const stop of [() => apollo.stop(), () => budget.close(), async () => queryTexts?.close()])
      await stop().catch(() => {});
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://localhost:${port}`,
    subscriptions: ws.subscriptions,
    async stop() {
      await apollo.stop();
      await ws.dispose();
      await budget.close();
      await queryTexts?.close();
    },
  };
}
