// Monaco + monaco-graphql web workers, bundled by vite via `?worker` imports (no CDN).
import 'graphiql/setup-workers/vite';
// GraphiQL's styles without `graphiql/style.css`: that bundle repeats Monaco's CSS (already
// imported by monaco-editor itself) and inlines ~360 kB of Roboto/Fira Code fonts; we use the
// system sans/monospace fallbacks instead.
import '@graphiql/react/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import '@graphiql/plugin-history/style.css';
import 'graphiql/graphiql.css';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { getToken } from './lib/session.ts';
import { exampleTabs, headersFor } from './graphiql/examples.ts';
import { graphiqlStorage } from './graphiql/storage.ts';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];
type Headers = Record<string, unknown> | undefined;

const httpUrl = `${location.origin}/graphql`;
const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;

/** The headers editor's Authorization value (any case), or undefined. */
function authorizationOf(headers: Headers): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'authorization' && typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

/** From the query text itself: GraphiQL's parsed document and operation name lag edits by a debounce. */
function isSubscription(query: string, operationName: string | null | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === OperationTypeNode.SUBSCRIPTION;
  } catch {
    return false;
  }
}

/**
 * One lazy graphql-ws client per Authorization value: the token travels in the
 * connection_init payload, so a different token needs a different connection.
 * Lazy clients close their socket once their last subscription ends.
 */
const wsClients = new Map<string, Client>();
function wsClientFor(authorization: string | undefined): Client {
  const key = authorization ?? '';
  let client = wsClients.get(key);
  if (!client) {
    client = createClient({
      url: wsUrl,
      connectionParams: authorization ? { authorization } : {},
    });
    wsClients.set(key, client);
    // Keep the cache small (tokens pasted over time); dispose the oldest idle entries.
    while (wsClients.size > 4) {
      const [oldKey, old] = wsClients.entries().next().value!;
      wsClients.delete(oldKey);
      void old.dispose();
    }
  }
  return client;
}

async function* subscribe(
  client: Client,
  payload: { query: string; operationName?: string | null; variables?: unknown },
) {
  try {
    yield* client.iterate({
      query: payload.query,
      operationName: payload.operationName ?? undefined,
      variables: (payload.variables ?? undefined) as Record<string, unknown> | undefined,
    });
  } catch (err) {
    if (typeof CloseEvent !== 'undefined' && err instanceof CloseEvent) {
      throw new Error(`WebSocket closed: ${err.code} ${err.reason}`.trim(), { cause: err });
    }
    throw err;
  }
}

const fetcher: Fetcher = async (params, opts) => {
  const headers = opts?.headers;
  if (isSubscription(params.query, params.operationName)) {
    return subscribe(wsClientFor(authorizationOf(headers)), params);
  }
  const res = await fetch(httpUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...headers,
    },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  try {
    // Fetcher wants graphql-js results (GraphQLError instances) yet reads them as JSON, as the subscription's are.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status} ${res.statusText}: ${text.slice(0, 500)}` }] };
  }
};

// The app's session token (same origin, same localStorage), read once per page load: signed out, no header.
// shouldPersistHeaders={false} keeps headers out of GraphiQL's stored tabs, so a token from an earlier session
// never comes back; the saved tabs get this load's headers (defaultHeaders) as they are opened. The history
// keeps no token either (see graphiql/storage.ts).
const token = getToken();
const headers = headersFor(token);

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      storage={graphiqlStorage(token)}
      defaultTabs={exampleTabs(headers)}
      defaultHeaders={headers}
      initialHeaders={headers}
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility="headers"
      schemaDescription
      inputValueDeprecation
    />
  </StrictMode>,
);
