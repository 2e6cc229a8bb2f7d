import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from '../projects/own-project.ts';
import { UPLOAD_TTL_SECONDS, UPLOAD_TYPES, uploadKey, type UploadType } from './uploads.ts';

/** A presigned URL the browser PUTs the file to; registerUpload then makes it a studio image. */
export async function createUpload(
  deps: Pick<Deps, 'db' | 'storage'>,
  actor: Actor,
  input: { projectId: NodeRef; contentType: UploadType },
) {
  const user = requireUser(actor);
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const uploadId = `${randomUUID()}.${UPLOAD_TYPES[input.contentType]}`;
  const uploadUrl = await deps.storage.presignPut(uploadKey(user.id, project.id, uploadId), UPLOAD_TTL_SECONDS);
  return {
    uploadId,
    uploadUrl,
    contentType: input.contentType,
    expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000),
  };
}
