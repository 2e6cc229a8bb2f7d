import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const RenameTagCategoryMutation = graphql(`
  mutation RenameTagCategory($input: RenameTagCategoryInput!) {
    renameTagCategory(input: $input) {
      __typename
      ... on MutationRenameTagCategorySuccess {
        data {
          __typename
          id
          name
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Renames a category, shown at once (optimistic) and undone if the server refuses. */
export function useRenameTagCategoryMutation() {
  const [execute, result] = useMutation(RenameTagCategoryMutation);
  const renameTagCategory = async (id: string, name: string) =>
    (
      await execute({
        variables: { input: { id, name } },
        optimisticResponse: {
          renameTagCategory: {
            __typename: 'MutationRenameTagCategorySuccess',
            data: { __typename: 'TagCategory', id, name: name.trim() },
          },
        },
      })
    ).data?.renameTagCategory;
  return [renameTagCategory, result] as const;
}
