import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { SignInInput } from '../../../gql/graphql.ts';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ... on MutationSignInSuccess {
        data {
          token
        }
      }
      ...FormErrors_error
      ... on RateLimitedError {
        retryAfter
      }
    }
  }
`);

export function useSignInMutation() {
  const [execute, result] = useMutation(SignInMutation);
  const signIn = async (input: SignInInput) => (await execute({ variables: { input } })).data?.signIn;
  return [signIn, result] as const;
}
