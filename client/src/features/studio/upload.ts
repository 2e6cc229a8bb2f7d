import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { ErrorLike } from '../../lib/errors.ts';

export const CreateUploadMutation = graphql(`
  mutation CreateUpload($input: CreateUploadInput!) {
    createUpload(input: $input) {
      ... on MutationCreateUploadSuccess {
        data {
          uploadId
          uploadUrl
          contentType
        }
      }
      ...FormErrors_error
    }
  }
`);

export const RegisterUploadMutation = graphql(`
  mutation RegisterUpload($input: RegisterUploadInput!) {
    registerUpload(input: $input) {
      ... on MutationRegisterUploadSuccess {
        data {
          id
          ...ImageCard_image
        }
      }
      ...FormErrors_error
    }
  }
`);

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_BYTES = 10 * 1024 * 1024;

/** Checks done before asking the server (which checks again, by the bytes). */
export function precheck(file: { type: string; size: number }): ErrorLike | undefined {
  if (!ACCEPTED_TYPES.includes(file.type)) {
    return {
      message: 'Choose a JPEG, PNG or WebP image.',
      fieldErrors: [{ path: ['input', 'contentType'], message: 'Choose a JPEG, PNG or WebP image.' }],
    };
  }
  if (file.size > MAX_BYTES) {
    return {
      message: 'The image is larger than 10 MB.',
      fieldErrors: [{ path: ['input', 'byteSize'], message: 'The image is larger than 10 MB.' }],
    };
  }
  return undefined;
}

/** PUT to a presigned URL with upload progress (fetch has none for request bodies). */
export function putWithProgress(
  url: string,
  body: Blob,
  contentType: string,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`The upload failed (HTTP ${xhr.status}).`));
    xhr.onerror = () => reject(new Error('The upload failed: network error.'));
    xhr.onabort = () => reject(new Error('The upload was cancelled.'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(body);
  });
}

export type UploadOutcome = { ok: true; image: { __typename?: 'Image'; id: string } } | { ok: false; error: ErrorLike };

async function register(client: ApolloClient, projectId: string, uploadId: string) {
  return (await client.mutate({ mutation: RegisterUploadMutation, variables: { input: { projectId, uploadId } } })).data
    ?.registerUpload;
}

/** createUpload → PUT → registerUpload. The image comes back SUCCEEDED (or a typed error). */
export async function uploadImage(
  client: ApolloClient,
  projectId: string,
  file: Blob,
  onProgress?: (loaded: number, total: number) => void,
): Promise<UploadOutcome> {
  const early = precheck(file);
  if (early) return { ok: false, error: early };
  const created = (
    await client.mutate({
      mutation: CreateUploadMutation,
      variables: { input: { projectId, contentType: file.type, byteSize: file.size } },
    })
  ).data?.createUpload;
  if (!created) return { ok: false, error: { message: 'No answer from the server.' } };
  if (!('data' in created)) return { ok: false, error: created as ErrorLike };
  await putWithProgress(created.data.uploadUrl, file, created.data.contentType, onProgress);
  const registered = await register(client, projectId, created.data.uploadId);
  if (!registered) return { ok: false, error: { message: 'No answer from the server.' } };
  if (!('data' in registered)) return { ok: false, error: registered as ErrorLike };
  return { ok: true, image: registered.data };
}
