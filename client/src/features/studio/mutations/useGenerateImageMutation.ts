import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { GenerateImageInput } from '../../../gql/graphql.ts';
import { addToProjectList } from '../projectLists.ts';

const GenerateImageMutation = graphql(`
  mutation GenerateImage($input: GenerateImageInput!) {
    generateImage(input: $input) {
      ... on MutationGenerateImageSuccess {
        data {
          id
          ...ImageCard_image
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Starts an image; the PENDING image is listed first in its project's images. */
export function useGenerateImageMutation() {
  const [execute, result] = useMutation(GenerateImageMutation);
  const generateImage = async (input: GenerateImageInput & { projectId: string }) =>
    (
      await execute({
        variables: { input },
        update(cache, { data }) {
          const r = data?.generateImage;
          if (r && 'data' in r) addToProjectList(cache, input.projectId, 'IMAGE', r.data.id);
        },
      })
    ).data?.generateImage;
  return [generateImage, result] as const;
}
