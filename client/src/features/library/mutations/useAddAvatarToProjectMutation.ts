import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { addToProjectList } from '../../studio/projectLists.ts';

const AddAvatarToProjectMutation = graphql(`
  mutation AddAvatarToProject($input: AddAvatarToProjectInput!) {
    addAvatarToProject(input: $input) {
      ... on MutationAddAvatarToProjectSuccess {
        data {
          id
          ...AvatarCard_avatar
        }
      }
      ...FormErrors_error
    }
  }
`);

/**
 * Adds an existing avatar to a project (a link: free, nothing generated). It joins that project's avatars in
 * the cache with the fields its studio card shows, so opening the project shows it at once.
 */
export function useAddAvatarToProjectMutation() {
  const [execute, result] = useMutation(AddAvatarToProjectMutation);
  const addAvatarToProject = async (projectId: string, avatarId: string) =>
    (
      await execute({
        variables: { input: { projectId, avatarId } },
        update(cache, { data }) {
          const r = data?.addAvatarToProject;
          if (r && 'data' in r) addToProjectList(cache, projectId, 'AVATAR', r.data.id);
        },
      })
    ).data?.addAvatarToProject;
  return [addAvatarToProject, result] as const;
}
