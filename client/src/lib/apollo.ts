import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { tap } from 'rxjs';
import { cacheConfig } from './cachePolicies.ts';
import { refetchPending } from './pending.ts';
import { getToken, onTokenChange, setToken } from './session.ts';

export interface Api {
  client: ApolloClient;
  /** Closes the WebSocket so that the next subscription connects with the current token. */
  restartSocket(): void;
}

export function createApi(): Api {
  const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
  let connectedBefore = false;
  let restarting = false;
  let client: ApolloClient;

  const ws = createClient({
    url: wsUrl,
    // Read at every (re)connection, so a new sign-in is picked up.
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => {
        // A reconnection (not the first connection, nor one after a sign-in): events may have been
        // missed meanwhile, so re-query what is still pending.
        if (connectedBefore && !restarting) void refetchPending(client).catch(() => {});
        connectedBefore = true;
        restarting = false;
      },
    },
  });

  const auth = new SetContextLink((prev) => {
    const token = getToken();
    return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
  });
  const http = new HttpLink({ uri: '/graphql' });
  // A token the server no longer accepts (expired, signed out elsewhere): back to the sign-in screen.
  const expiry = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap({
        next: (r) => {
          const unauthenticated = r.errors?.some((e) => (e as { extensions?: { code?: unknown } }).extensions?.code === 'UNAUTHENTICATED');
          if (unauthenticated && getToken() && operation.operationName !== 'SignOut') setToken(null);
        },
        error: (e: unknown) => {
          if ((e as { statusCode?: number })?.statusCode === 401 && getToken()) setToken(null);
        },
      }),
    ),
  );

  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([auth, expiry, http]),
  );

  client = new ApolloClient({ link, cache: new InMemoryCache(cacheConfig) });
  const restartSocket = () => {
    restarting = true;
    connectedBefore = false;
    ws.terminate();
  };
  // The WebSocket carries the token it connected with: a new session needs a new connection.
  onTokenChange(restartSocket);
  return {
    client,
    restartSocket,
  };
}
