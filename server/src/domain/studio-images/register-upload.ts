import type { Deps } from '../../app/deps.ts';
import { inspectImage } from '../../generation/media-check.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from '../projects/own-project.ts';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, uploadKey } from './uploads.ts';

/** The uploaded file becomes a SUCCEEDED studio image once it is checked to be what was declared. */
export async function registerUpload(
  deps: Pick<Deps, 'db' | 'storage'>,
  actor: Actor,
  input: { projectId: NodeRef; uploadId: string },
) {
  const user = requireUser(actor);
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const m = /^([0-9a-f-]{36})\.(jpg|png|webp)$/.exec(input.uploadId);
  if (!m) throw invalid(['input', 'uploadId'], 'Not an upload of this API.');
  const key = uploadKey(user.id, project.id, input.uploadId);
  const stat = await deps.storage.stat(key);
  if (!stat)
    throw invalid(['input', 'uploadId'], 'Nothing was uploaded for this uploadId (or it was already registered).');
  const refuse = async (message: string) => {
    await deps.storage.remove([key]);
    return invalid(['input', 'uploadId'], message);
  };
  if (stat.size > MAX_UPLOAD_BYTES) throw await refuse('The file is larger than 10 MB.');
  const bytes = await deps.storage.get(key, MAX_UPLOAD_BYTES);
  const info = await inspectImage(bytes);
  const declared = Object.entries(UPLOAD_TYPES).find(([, ext]) => ext === m[2])![0];
  if (!info) throw await refuse('The file is not a JPEG, PNG or WebP image.');
  if (info.contentType !== declared)
    throw await refuse(`The file is a ${info.contentType}, not the ${declared} that was declared.`);
  const { contentType, width, height } = info;
  return deps.db.image.create({
    data: {
      source: 'UPLOAD',
      status: 'SUCCEEDED',
      storagePath: key,
      contentType,
      byteSize: bytes.length,
      width,
      height,
      userId: user.id,
      projectId: project.id,
      finishedAt: new Date(),
    },
  });
}
