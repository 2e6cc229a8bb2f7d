import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { removeFromList } from '../../../lib/connections.ts';

const DeleteProjectMutation = graphql(`
  mutation DeleteProject($input: DeleteProjectInput!) {
    deleteProject(input: $input) {
      ... on MutationDeleteProjectSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Deletes a project, and takes it out of `me { projects }` (the user `meId`). */
export function useDeleteProjectMutation(meId: string | undefined) {
  const [execute, result] = useMutation(DeleteProjectMutation, {
    update(cache, { data }) {
      const r = data?.deleteProject;
      if (!r || !('data' in r)) return;
      const owner = meId && cache.identify({ __typename: 'User', id: meId });
      removeFromList(cache, owner, 'projects', { __typename: 'Project', id: r.data });
    },
  });
  const deleteProject = async (id: string) => (await execute({ variables: { input: { id } } })).data?.deleteProject;
  return [deleteProject, result] as const;
}
