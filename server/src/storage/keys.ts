// Object keys of DESIGN §7. Built from ids only; never from client input.
const ext = (contentType: string) =>
  ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'video/mp4': 'mp4' })[contentType] ?? 'bin';

/** ZIP exports of projects, each kept for EXPORT_TTL_HOURS (domain/exports/sweep-exports.ts). */
export const EXPORTS_PREFIX = 'exports/';

export const keys = {
  tempImage: (userId: string, scopeId: string, imageId: string, contentType: string) =>
    `images/temp-generated/${userId}/${scopeId}/${imageId}.${ext(contentType)}`,
  privateAvatarImage: (userId: string, avatarId: string, contentType: string) =>
    `images/avatars/${userId}/${avatarId}.${ext(contentType)}`,
  publicAvatarImage: (avatarId: string, contentType: string) => `images/public-avatars/${avatarId}.${ext(contentType)}`,
  privateAvatarVideo: (userId: string, avatarId: string) => `videos/avatars/private/${userId}/${avatarId}.mp4`,
  publicAvatarVideo: (avatarId: string) => `videos/avatars/public/${avatarId}.mp4`,
  bRollVideo: (userId: string, projectId: string, bRollId: string) =>
    `videos/b-rolls/${userId}/${projectId}/${bRollId}.mp4`,
  bRollThumbnail: (userId: string, projectId: string, bRollId: string) =>
    `videos/b-rolls/${userId}/${projectId}/${bRollId}.jpg`,
  projectExports: (userId: string, projectId: string) => `${EXPORTS_PREFIX}${userId}/${projectId}/`,
  projectExport: (userId: string, projectId: string, exportId: string) =>
    `${EXPORTS_PREFIX}${userId}/${projectId}/${exportId}.zip`,
};
