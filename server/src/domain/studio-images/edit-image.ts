import type { Deps } from '../../app/deps.ts';
import { reserveIdempotent } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid, NotFoundError } from '../errors.ts';
import { handToFal } from '../generations/hand-to-fal.ts';
import { imageToImage } from '../generations/kinds/image-to-image.ts';
import { instructionEdit } from '../generations/kinds/instruction-edit.ts';
import type { NodeRef } from '../ids.ts';
import { earlierImage, readyImage } from './own-image.ts';

export interface EditImageInput {
  imageId: NodeRef;
  prompt: string;
  /** STRENGTH (default): FLUX dev image-to-image; INSTRUCTION: FLUX Kontext, the prompt is an instruction. */
  mode?: 'STRENGTH' | 'INSTRUCTION' | null;
  strength?: number | null;
  idempotencyKey?: string | null;
}

/**
 * An edit of one of the user's images, FLUX image-to-image or FLUX Kontext: the PENDING edit at once (FAILED with a
 * reason if fal cannot be reached).
 */
export async function editImage(deps: Deps, actor: Actor, input: EditImageInput) {
  const user = requireUser(actor);
  const instruction = input.mode === 'INSTRUCTION';
  if (instruction && input.strength != null)
    throw invalid(['input', 'strength'], 'An instruction edit has no strength; leave it out or use mode STRENGTH.');
  const earlier = earlierImage(user.id, input.idempotencyKey);
  const replayed = await earlier(deps.db);
  if (replayed) return replayed;
  const parent = await readyImage(deps, user.id, input.imageId);
  // The object may have been swept since the row was read: the image is then as gone as a missing one.
  if (!(await deps.storage.stat(parent.storagePath))) throw new NotFoundError('Image', input.imageId.globalId);
  const strength = instruction ? null : (input.strength ?? 0.85);
  const { row: image, created } = await reserveIdempotent(deps, user, 'IMAGE', earlier, (tx) =>
    tx.image.create({
      data: {
        source: instruction ? 'INSTRUCTION_EDIT' : 'IMAGE_TO_IMAGE',
        prompt: input.prompt.trim(),
        strength,
        parentId: parent.id,
        userId: user.id,
        projectId: parent.projectId,
        idempotencyKey: input.idempotencyKey ?? null,
      },
    }),
  );
  // The row comes first, the upload to fal after: only the request that wrote it hands fal the file.
  if (!created) return image;
  const target = { kind: 'IMAGE' as const, id: image.id };
  const object = { key: parent.storagePath, contentType: parent.contentType ?? 'image/png' };
  const handed = await handToFal(
    deps,
    target,
    object,
    'The source image is no longer available. Pick or make another one.',
  );
  if (handed.kind !== 'uploaded') return deps.db.image.findUniqueOrThrow({ where: { id: image.id } });
  const common = { imageUrl: handed.url, prompt: input.prompt };
  if (strength === null) await deps.pipeline.start(instructionEdit, target, common);
  else await deps.pipeline.start(imageToImage, target, { ...common, strength });
  return deps.db.image.findUniqueOrThrow({ where: { id: image.id } });
}
