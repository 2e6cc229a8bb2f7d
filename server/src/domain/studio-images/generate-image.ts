import type { Deps } from '../../app/deps.ts';
import type { FluxAspectRatio } from '../../fal/models.ts';
import { reserveIdempotent } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { textToImage } from '../generations/kinds/text-to-image.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from '../projects/own-project.ts';
import { earlierImage } from './own-image.ts';

export interface GenerateImageInput {
  projectId: NodeRef;
  prompt: string;
  aspectRatio?: FluxAspectRatio | null;
  idempotencyKey?: string | null;
}

/** FLUX text-to-image: the PENDING image at once; its project's subscribers hear when it is done. */
export async function generateImage(deps: Deps, actor: Actor, input: GenerateImageInput) {
  const user = requireUser(actor);
  const earlier = earlierImage(user.id, input.idempotencyKey);
  const replayed = await earlier(deps.db);
  if (replayed) return replayed;
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const aspectRatio = input.aspectRatio ?? '1:1';
  // Checked before the row is written: a refused input costs no generation.
  const kindInput = textToImage.input.parse({ prompt: input.prompt, aspectRatio });
  const { row: image, created } = await reserveIdempotent(deps, user, 'IMAGE', earlier, (tx) =>
    tx.image.create({
      data: {
        source: 'TEXT_TO_IMAGE',
        prompt: input.prompt.trim(),
        aspectRatio,
        userId: user.id,
        projectId: project.id,
        idempotencyKey: input.idempotencyKey ?? null,
      },
    }),
  );
  if (!created) return image;
  await deps.pipeline.start(textToImage, { kind: 'IMAGE', id: image.id }, kindInput);
  return deps.db.image.findUniqueOrThrow({ where: { id: image.id } });
}
