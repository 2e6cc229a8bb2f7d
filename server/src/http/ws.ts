// GraphQL over WebSocket (graphql-ws) on the app's one HTTP server, through graphql-ws's makeServer on our
// own `ws` adapter rather than its useServer, for what thousands of idle subscribers cost (issue 14): no
// permessage-deflate (a zlib context per socket), one keep-alive timer for all sockets (its pings spread
// over the period, never one burst), nothing kept of the upgrade request but the client's address, no
// callback per frame, and a bound on what a socket may leave unsent (a client that does not read is cut
// off, not buffered for without limit).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ExecutionArgs, GraphQLError, type GraphQLSchema } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Deps } from '../app/deps.ts';
import { buildContext, type Context } from '../graphql/context.ts';
import { formatGraphQLErrors } from '../graphql/format-error.ts';
import { type SharedSubscriptions, sharedSubscriptions, type Target } from '../graphql/shared-subscriptions.ts';
import { admitOperation, type CostBudget, type QueryLimits } from './limits.ts';

/** Past this much unsent on one socket, the client is not reading: it is closed. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/**
 * The keep-alive period is cut into this many turns, each pinging its share of the sockets: 10,000 pings
 * in one go (about 40 µs each) held the event loop for 400 ms, and the request that came meanwhile with it.
 */
const KEEP_ALIVE_TURNS = 120;
const PATH = '/graphql';

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  deps: Deps;
  limits: QueryLimits;
  budget: CostBudget;
  bodyLimit: number;
  /** Each socket is pinged this often; one that has not answered the last ping by then is cut off. */
  keepAliveMs: number;
  dev: boolean;
  clientAddressOf(req: IncomingMessage): string;
}

export interface GraphqlWebSocket {
  subscriptions: SharedSubscriptions;
  dispose(): Promise<void>;
}

interface Extra {
  socket: WebSocket;
  clientAddress: string;
  ctx?: Context;
}

export function graphqlWebSocket(opts: WebSocketOptions): GraphqlWebSocket {
  const { server, schema, deps, limits, budget, dev } = opts;
  const { log } = deps;
  const format = (errors: readonly GraphQLError[], requestId?: string) =>
    formatGraphQLErrors(errors, { dev, log, requestId });
  const subscriptions = sharedSubscriptions(schema, (result, ctx) => ({
    ...result,
    errors: format(result.errors ?? [], ctx.requestId) as unknown as GraphQLError[],
  }));
  // The subscriber each execution's arguments (made by onSubscribe) belong to.
  const targets = new WeakMap<ExecutionArgs, Target>();

  const gqlServer = makeServer<{ authorization?: unknown }, Extra>({
    schema,
    // The query texts of parsed messages are the cached copies: each subscriber keeps the one string.
    jsonMessageReviver: (key, value: unknown) =>
      key === 'query' && typeof value === 'string' ? subscriptions.intern(value) : value,
    onConnect: async (ws) => {
      try {
        ws.extra.ctx = await buildContext(deps, ws.connectionParams?.authorization, {
          clientAddress: ws.extra.clientAddress,
        });
        return true;
      } catch {
        return false;
      }
    },
    onSubscribe: async (ws, id, payload) => {
      const ctx = ws.extra.ctx!;
      try {
        const { document, errors } = subscriptions.prepare(payload.query);
        if (errors.length || !document) return [...errors];
        const variableValues = payload.variables ?? {};
        const operationName = payload.operationName;
        await admitOperation({ schema, document, variables: variableValues, operationName, ctx }, limits, budget);
        const args: ExecutionArgs = { schema, document, operationName, variableValues, contextValue: ctx };
        const { socket } = ws.extra;
        targets.set(args, { id, send: (frame) => send(socket, frame) });
        return args;
      } catch (e) {
        // onError formats it: a GraphQLError says what the client did; anything else is masked there.
        return [
          e instanceof GraphQLError ? e : new GraphQLError('Internal server error', { originalError: e as Error }),
        ];
      }
    },
    subscribe: (args) => subscriptions.subscribe(args, targets.get(args)!),
    // The same formatter as HTTP's on what graphql-ws sends itself (errors; shared results are formatted once).
    onNext: (ws, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: format(result.errors, ws.extra.ctx?.requestId) } : undefined,
    onError: (ws, _id, _payload, errors) => format(errors, ws.extra.ctx?.requestId),
  });

  function send(socket: WebSocket, data: string) {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(data);
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      log.warn({ event: 'ws.slow_client', bufferedAmount: socket.bufferedAmount }, 'WebSocket client is not reading');
      socket.terminate();
    }
  }

  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: opts.bodyLimit,
    handleProtocols,
  });
  function onSocketError(this: WebSocket, err: Error) {
    log.warn({ event: 'ws.socket_error', err }, err.message);
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }
  const keepAlive = keepAliveTurns(opts.keepAliveMs);

  function connected(socket: WebSocket, clientAddress: string) {
    keepAlive.add(socket);
    socket.on('error', onSocketError);
    const closed = gqlServer.opened(
      {
        protocol: socket.protocol,
        send: (data) => send(socket, data),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', (data: Buffer) => {
            cb(String(data)).catch((err: unknown) => {
              log.error({ event: 'ws.internal_error', err }, 'WebSocket message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, clientAddress },
    );
    socket.once('close', (code: number, reason: Buffer) => {
      keepAlive.remove(socket);
      void closed(code, String(reason));
    });
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = req.url?.split('?')[0];
    if (path !== PATH) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const clientAddress = opts.clientAddressOf(req);
    wss.handleUpgrade(req, socket, head, (ws) => connected(ws, clientAddress));
  };
  server.on('upgrade', onUpgrade);

  return {
    subscriptions,
    async dispose() {
      keepAlive.stop();
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * Every socket is pinged once a period, in its own turn: a socket joins the turn with the fewest, and a
 * turn comes every period / KEEP_ALIVE_TURNS. One that did not answer its last ping is terminated.
 */
function keepAliveTurns(periodMs: number) {
  const turns = Array.from({ length: KEEP_ALIVE_TURNS }, () => new Set<WebSocket>());
  const turnOf = new Map<WebSocket, Set<WebSocket>>();
  const awaitingPong = new Set<WebSocket>();
  function onPong(this: WebSocket) {
    awaitingPong.delete(this);
  }
  let next = 0;
  const timer = setInterval(() => {
    for (const socket of turns[next]!) {
      if (awaitingPong.has(socket)) {
        awaitingPong.delete(socket);
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
    next = (next + 1) % KEEP_ALIVE_TURNS;
  }, periodMs / KEEP_ALIVE_TURNS).unref();
  return {
    add(socket: WebSocket) {
      const turn = turns.reduce((fewest, t) => (t.size < fewest.size ? t : fewest));
      turn.add(socket);
      turnOf.set(socket, turn);
      socket.on('pong', onPong);
    },
    remove(socket: WebSocket) {
      turnOf.get(socket)?.delete(socket);
      turnOf.delete(socket);
      awaitingPong.delete(socket);
    },
    stop: () => clearInterval(timer),
  };
}
