import type { Deps } from '../../app/deps.ts';
import type { Actor } from '../actor.ts';
import { attachmentDisposition } from './file-name.ts';
import type { Media } from './media.ts';

/**
 * A presigned GET (15 minutes) that saves the item under its readable name, or null: not SUCCEEDED, no
 * object, or not the actor's to take (only its owner's, or anyone's when it is a public avatar).
 */
export async function downloadUrl(
  deps: Pick<Deps, 'storage'>,
  actor: Actor,
  input: { media: Media | null; ownerId: string | null; isPublic?: boolean },
): Promise<string | null> {
  const { media } = input;
  if (!media) return null;
  const mine = actor.kind === 'user' && input.ownerId !== null && actor.id === input.ownerId;
  if (!mine && !input.isPublic) return null;
  return deps.storage.presignDownload(media.key, attachmentDisposition(media.name, media.ext, media.fallback));
}
