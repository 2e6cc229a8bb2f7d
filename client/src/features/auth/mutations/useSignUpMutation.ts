import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { SignUpInput } from '../../../gql/graphql.ts';

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ... on MutationSignUpSuccess {
        data {
          token
        }
      }
      ...FormErrors_error
      ... on ConflictError {
        path
      }
      ... on RateLimitedError {
        retryAfter
      }
    }
  }
`);

export function useSignUpMutation() {
  const [execute, result] = useMutation(SignUpMutation);
  const signUp = async (input: SignUpInput) => (await execute({ variables: { input } })).data?.signUp;
  return [signUp, result] as const;
}
