import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { removeFromProjectList } from '../projectLists.ts';

const PickBRollVariantMutation = graphql(`
  mutation PickBRollVariant($input: PickBRollVariantInput!) {
    pickBRollVariant(input: $input) {
      __typename
      ... on MutationPickBRollVariantSuccess {
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
 * Keeps one b-roll of its variants: shown alone at once (optimistic), the others out of the list; answers an
 * error message, or null.
 */
export function usePickBRollVariantMutation(projectId: string) {
  const [execute, result] = useMutation(PickBRollVariantMutation);
  const pick = async (id: string, others: readonly string[]): Promise<string | null> => {
    const kept = { __typename: 'BRoll' as const, id, variantGroupId: null, variantIndex: 0, variantCount: 1 };
    const { data } = await execute({
      variables: { input: { id } },
      optimisticResponse: {
        pickBRollVariant: { __typename: 'MutationPickBRollVariantSuccess', data: kept },
      },
      update(cache, { data }) {
        if (data?.pickBRollVariant.__typename !== 'MutationPickBRollVariantSuccess') return;
        for (const other of others) removeFromProjectList(cache, projectId, 'BROLL', other);
      },
    });
    const r = data?.pickBRollVariant;
    if (!r) return 'The b-roll could not be kept.';
    return r.__typename === 'MutationPickBRollVariantSuccess' ? null : r.message;
  };
  return [pick, result] as const;
}
