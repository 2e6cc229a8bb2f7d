import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { EditImageInput } from '../../../gql/graphql.ts';
import { addToProjectList } from '../projectLists.ts';

const EditImageMutation = graphql(`
  mutation EditImage($input: EditImageInput!) {
    editImage(input: $input) {
      ... on MutationEditImageSuccess {
        data {
          id
          ...ImageCard_image
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Edits an image of the project `projectId`: the new (PENDING) image is listed first in its images. */
export function useEditImageMutation(projectId: string) {
  const [execute, result] = useMutation(EditImageMutation, {
    update(cache, { data }) {
      const r = data?.editImage;
      if (r && 'data' in r) addToProjectList(cache, projectId, 'IMAGE', r.data.id);
    },
  });
  const editImage = async (input: EditImageInput) => (await execute({ variables: { input } })).data?.editImage;
  return [editImage, result] as const;
}
