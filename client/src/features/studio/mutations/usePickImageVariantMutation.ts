import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { removeFromProjectList } from '../projectLists.ts';

const PickImageVariantMutation = graphql(`
  mutation PickImageVariant($input: PickImageVariantInput!) {
    pickImageVariant(input: $input) {
      __typename
      ... on MutationPickImageVariantSuccess {
        data {
          id
          variantGroupId
          variantIndex
          variantCount
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/**
 * Keeps one image of its variants: shown alone at once (optimistic), the others out of the list; answers an
 * error message, or null.
 */
export function usePickImageVariantMutation(projectId: string) {
  const [execute, result] = useMutation(PickImageVariantMutation);
  const pick = async (id: string, others: readonly string[]): Promise<string | null> => {
    const kept = { __typename: 'Image' as const, id, variantGroupId: null, variantIndex: 0, variantCount: 1 };
    const { data } = await execute({
      variables: { input: { id } },
      optimisticResponse: {
        pickImageVariant: { __typename: 'MutationPickImageVariantSuccess', data: kept },
      },
      update(cache, { data }) {
        if (data?.pickImageVariant.__typename !== 'MutationPickImageVariantSuccess') return;
        for (const other of others) removeFromProjectList(cache, projectId, 'IMAGE', other);
      },
    });
    const r = data?.pickImageVariant;
    if (!r) return 'The image could not be kept.';
    return r.__typename === 'MutationPickImageVariantSuccess' ? null : r.message;
  };
  return [pick, result] as const;
}
