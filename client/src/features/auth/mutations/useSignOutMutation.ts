import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { setToken } from '../../../lib/session.ts';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut(input: {}) {
      ... on MutationSignOutSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Ends the session on the server (if it can), then locally: no token, an empty cache. */
export function useSignOutMutation() {
  const client = useApolloClient();
  const [execute, result] = useMutation(SignOutMutation);
  const signOut = async () => {
    try {
      await execute();
    } catch {
      /* the session is ended locally anyway */
    }
    setToken(null);
    await client.clearStore();
  };
  return [signOut, result] as const;
}
