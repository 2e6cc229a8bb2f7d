import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const RetryBRollMutation = graphql(`
  mutation RetryBRoll($input: RetryBRollInput!) {
    retryBRoll(input: $input) {
      ... on MutationRetryBRollSuccess {
        data {
          id
          ...BRollCard_bRoll
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Retries a FAILED b-roll: the answer (PENDING) updates it in the cache, the subscription does the rest. */
export function useRetryBRollMutation() {
  const [execute, result] = useMutation(RetryBRollMutation);
  const retryBRoll = async (id: string) => (await execute({ variables: { input: { id } } })).data?.retryBRoll;
  return [retryBRoll, result] as const;
}
