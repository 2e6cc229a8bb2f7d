import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on MutationRevokeApiKeySuccess {
        data {
          __typename
          id
          revokedAt
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Ends a partner key: shown revoked at once (optimistic), with the server's time when it answers. */
export function useRevokeApiKeyMutation() {
  const [execute, result] = useMutation(RevokeApiKeyMutation);
  const revokeApiKey = async (id: string) =>
    (
      await execute({
        variables: { input: { id } },
        optimisticResponse: {
          revokeApiKey: {
            __typename: 'MutationRevokeApiKeySuccess',
            data: { __typename: 'ApiKey', id, revokedAt: new Date().toISOString() },
          },
        },
      })
    ).data?.revokeApiKey;
  return [revokeApiKey, result] as const;
}
