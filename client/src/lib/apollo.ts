import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { tap } from 'rxjs';
import { cacheConfig } from './cachePolicies.ts';
import { refetchPending } from './pending.ts';
import { getToken, onTokenChange, setToken } from './session.ts';

/** Time for the server to register the subscriptions of a new connection before the catch-up query. */
export const CATCH_UP_DELAY_MS = 1000;

export interface Api {
  client: ApolloClient;
  /** Closes the WebSocket so that the next subscription connects with the current token. */
  restartSocket(): void;
}

export function createApi(): Api {
  const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
  let catchUp: ReturnType<typeof setTimeout> | undefined;

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
        // Events published while no subscription was registered on the server are lost: after a
        // reconnection (the socket dropped), and also between a page's first query and its
        // subscription being set up. Once the subscriptions have had time to register again, ask
        // once for the current state of everything still PENDING. One catch-up, not polling.
        clearTimeout(catchUp);
        catchUp = setTimeout(() => void refetchPending(client).catch(() => {}), CATCH_UP_DELAY_MS);
      },
    },
  });

  const auth = new SetContextLink((prev) => {
    const token = getToken();
    return token
      ? { headers: { ...(prev.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } }
      : {};
  });
  const http = new HttpLink({ uri: '/graphql' });
  // A token the server no longer accepts (expired, signed out elsewhere): back to the sign-in screen.
  const expiry = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap({
        next: (r) => {
          const unauthenticated = r.errors?.some(
            (e) => (e as { extensions?: { code?: unknown } }).extensions?.code === 'UNAUTHENTICATED',
          );
          if (unauthenticated && getToken() && operation.operationName !== 'SignOut') setToken(null);
        },
        error: (e: unknown) => {
          if ((e as { statusCode?: number } | undefined)?.statusCode === 401 && getToken()) setToken(null);
        },
      }),
    ),
  );

  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([auth, expiry, http]),
  );

  const client = new ApolloClient({ link, cache: new InMemoryCache(cacheConfig) });
  const restartSocket = () => {
    ws.terminate();
  };
  // The WebSocket carries the token it connected with: a new session needs a new connection.
  onTokenChange(restartSocket);
  return {
    client,
    restartSocket,
  };
}
