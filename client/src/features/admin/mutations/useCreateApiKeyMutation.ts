import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      ... on MutationCreateApiKeySuccess {
        data {
          key
          apiKey {
            id
            ...ApiKeyRow_apiKey
          }
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Creates a partner key: the secret is in this answer only; the key heads the cached `apiKeys`. */
export function useCreateApiKeyMutation() {
  const [execute, result] = useMutation(CreateApiKeyMutation, {
    update(cache, { data }) {
      const r = data?.createApiKey;
      if (!r || !('data' in r)) return;
      const ref = cache.identify({ __typename: 'ApiKey', id: r.data.apiKey.id });
      if (!ref) return;
      cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          apiKeys: (existing: readonly { __ref: string }[] = []) =>
            existing.some((k) => k.__ref === ref) ? existing : [{ __ref: ref }, ...existing],
        },
      });
    },
  });
  const createApiKey = async (name: string) => (await execute({ variables: { input: { name } } })).data?.createApiKey;
  return [createApiKey, result] as const;
}
