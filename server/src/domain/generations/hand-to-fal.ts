// Handing fal a file of ours: fal reads inputs from URLs, so a reference image is uploaded to its storage first.
import type { Deps } from '../../app/deps.ts';
import { unreachable } from './results.ts';
import type { Target } from './types.ts';

export type Handed = { kind: 'uploaded'; url: string } | { kind: 'failed' };

/**
 * fal's URL of our object `key`; or the row FAILED with a reason: `gone` when the object is no longer
 * there (a TTL sweep, a delete in another tab), or fal cannot be reached.
 */
export async function handToFal(
  deps: Pick<Deps, 'storage' | 'gateway' | 'pipeline'>,
  target: Target,
  object: { key: string; contentType?: string | null },
  gone: string,
): Promise<Handed> {
  const failed = async (reason: string): Promise<Handed> => {
    await deps.pipeline.fail(target, reason);
    return { kind: 'failed' };
  };
  let contentType = object.contentType;
  if (!contentType) {
    const stat = await deps.storage.stat(object.key).catch(() => null);
    if (!stat) return failed(gone);
    contentType = stat.contentType;
  }
  const bytes = await deps.storage.get(object.key).catch(() => null);
  if (!bytes) return failed(gone);
  const uploaded = await deps.gateway.uploadFile(bytes, contentType ?? 'image/png');
  if (!uploaded.ok) return failed(unreachable(uploaded.error.message));
  return { kind: 'uploaded', url: uploaded.value.url };
}
