import { useApolloClient } from '@apollo/client/react';
import { uploadImage, type UploadOutcome } from '../upload.ts';
import { addToProjectList } from '../projectLists.ts';

/** Uploads an image into a project's studio (createUpload → PUT → registerUpload) and lists it first there. */
export function useUploadImageMutation() {
  const client = useApolloClient();
  return async (
    projectId: string,
    file: Blob,
    onProgress?: (loaded: number, total: number) => void,
  ): Promise<UploadOutcome> => {
    const outcome = await uploadImage(client, projectId, file, onProgress);
    // The studio may be cached already (or shown): list the new image there too.
    if (outcome.ok) addToProjectList(client.cache, projectId, 'IMAGE', outcome.image.id);
    return outcome;
  };
}
