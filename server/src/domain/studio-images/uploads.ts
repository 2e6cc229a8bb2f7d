// What an upload may be, and where it waits until it is registered.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type UploadType = keyof typeof UPLOAD_TYPES;
export const UPLOAD_TTL_SECONDS = 15 * 60;

export const uploadKey = (userId: string, projectId: string, uploadId: string) =>
  `images/temp-generated/${userId}/${projectId}/upload-${uploadId}`;
