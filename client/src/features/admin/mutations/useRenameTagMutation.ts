import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const RenameTagMutation = graphql(`
  mutation RenameTag($input: RenameTagInput!) {
    renameTag(input: $input) {
      __typename
      ... on MutationRenameTagSuccess {
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

/** Renames a tag, shown at once (optimistic) and undone if the server refuses. */
export function useRenameTagMutation() {
  const [execute, result] = useMutation(RenameTagMutation);
  const renameTag = async (id: string, name: string) =>
    (
      await execute({
        variables: { input: { id, name } },
        optimisticResponse: {
          renameTag: { __typename: 'MutationRenameTagSuccess', data: { __typename: 'Tag', id, name: name.trim() } },
        },
      })
    ).data?.renameTag;
  return [renameTag, result] as const;
}
