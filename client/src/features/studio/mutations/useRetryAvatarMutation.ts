import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const RetryAvatarMutation = graphql(`
  mutation RetryAvatar($input: RetryAvatarInput!) {
    retryAvatar(input: $input) {
      ... on MutationRetryAvatarSuccess {
        data {
          id
          ...AvatarCard_avatar
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Retries a FAILED avatar: the answer (PENDING) updates it in the cache, the subscription does the rest. */
export function useRetryAvatarMutation() {
  const [execute, result] = useMutation(RetryAvatarMutation);
  const retryAvatar = async (id: string) => (await execute({ variables: { input: { id } } })).data?.retryAvatar;
  return [retryAvatar, result] as const;
}
