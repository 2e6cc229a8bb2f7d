import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import type { FluxAspectRatio } from '../../fal/models.ts';
import { reserveIdempotentGroup } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { variantCountOf } from '../fields.ts';
import { textToImage } from '../generations/kinds/text-to-image.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from '../projects/own-project.ts';
import { earlierImage } from './own-image.ts';

export interface GenerateImageInput {
  projectId: NodeRef;
  prompt: string;
  aspectRatio?: FluxAspectRatio | null;
  /** Variants, 1–4 (default 1): that many images from one fal request (`num_images`), each its own row. */
  count?: number | null;
  idempotencyKey?: string | null;
}

/**
 * FLUX text-to-image: the PENDING image at once (the group's first variant; `imageVariants` lists them all);
 * its project's subscribers hear when each is done.
 */
export async function generateImage(deps: Deps, actor: Actor, input: GenerateImageInput) {
  const user = requireUser(actor);
  const count = variantCountOf(input.count);
  // The key is on the group's first variant only: a replay finds the group through it.
  const earlier = earlierImage(user.id, input.idempotencyKey);
  const replayed = await earlier(deps.db);
  if (replayed) return replayed;
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const aspectRatio = input.aspectRatio ?? '1:1';
  // Checked before the rows are written: a refused input costs no generation.
  const kindInput = textToImage.input.parse({ prompt: input.prompt, aspectRatio, numImages: count });
  const variantGroupId = count > 1 ? randomUUID() : null;
  const { rows, created } = await reserveIdempotentGroup(deps, user, 'IMAGE', earlier, count, async (tx) => {
    const rows = [];
    for (let variantIndex = 0; variantIndex < count; variantIndex++) {
      const data = {
        source: 'TEXT_TO_IMAGE' as const,
        prompt: input.prompt.trim(),
        aspectRatio,
        userId: user.id,
        projectId: project.id,
        idempotencyKey: variantIndex === 0 ? (input.idempotencyKey ?? null) : null,
        variantGroupId,
        variantIndex,
        variantCount: count,
      };
      rows.push(await tx.image.create({ data }));
    }
    return rows;
  });
  const first = rows[0]!;
  if (!created) return first;
  // One submission for the group: the rows sharing it are found by their group (tables/image.ts).
  await deps.pipeline.start(textToImage, { kind: 'IMAGE', id: first.id }, kindInput);
  return deps.db.image.findUniqueOrThrow({ where: { id: first.id } });
}

/** The images of `image`'s variant group in order (itself alone without one). */
export async function imageVariants(deps: Pick<Deps, 'db'>, image: { id: string; variantGroupId: string | null }) {
  if (!image.variantGroupId) return deps.db.image.findMany({ where: { id: image.id } });
  return deps.db.image.findMany({ where: { variantGroupId: image.variantGroupId }, orderBy: { variantIndex: 'asc' } });
}
