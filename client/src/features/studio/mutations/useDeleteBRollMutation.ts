import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { removeFromProjectList } from '../projectLists.ts';

const DeleteBRollMutation = graphql(`
  mutation DeleteBRoll($input: DeleteBRollInput!) {
    deleteBRoll(input: $input) {
      ... on MutationDeleteBRollSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Deletes a b-roll of the project `projectId` (and its video): it leaves the list and the cache. */
export function useDeleteBRollMutation(projectId: string) {
  const [execute, result] = useMutation(DeleteBRollMutation);
  const deleteBRoll = async (id: string) =>
    (
      await execute({
        variables: { input: { id } },
        update(cache, { data }) {
          const r = data?.deleteBRoll;
          if (r && 'data' in r) removeFromProjectList(cache, projectId, 'BROLL', id);
        },
      })
    ).data?.deleteBRoll;
  return [deleteBRoll, result] as const;
}
