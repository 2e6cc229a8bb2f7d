import type { Deps } from '../../app/deps.ts';
import { PRESIGN_TTL_SECONDS } from '../../storage/storage.ts';
import type { Actor } from '../actor.ts';
import { attachmentDisposition } from '../downloads/file-name.ts';

/**
 * The ZIP of a built export as a presigned GET saved as "<project name>.zip", valid 15 minutes at most and
 * never past the export's expiry; null while it is not built, once it expired, or for anyone but its owner.
 */
export async function exportUrl(
  deps: Pick<Deps, 'storage'>,
  actor: Actor,
  input: { userId: string; status: string; storagePath: string | null; expiresAt: Date | null; projectName: string },
  now = Date.now(),
): Promise<string | null> {
  const { storagePath, expiresAt } = input;
  if (input.status !== 'SUCCEEDED' || !storagePath || !expiresAt) return null;
  if (actor.kind !== 'user' || actor.id !== input.userId) return null;
  const left = Math.floor((expiresAt.getTime() - now) / 1000);
  if (left <= 0) return null;
  const disposition = attachmentDisposition(input.projectName, 'zip', 'project');
  return deps.storage.presignDownload(storagePath, disposition, Math.min(PRESIGN_TTL_SECONDS, left));
}
