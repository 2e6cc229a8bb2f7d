import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import { isSeedanceDuration, type SeedanceAspectRatio, type VideoQuality } from '../../fal/models.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { reserveIdempotentGroup, type Tx } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { VIDEO_DURATION_RULE, variantCountOf } from '../fields.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from '../projects/own-project.ts';
import { readyImage } from '../studio-images/own-image.ts';
import { startBRoll } from './start-b-roll.ts';

export interface CreateBRollInput {
  projectId: NodeRef;
  name: string;
  prompt: string;
  /** Animate this image (image-to-video); without it, text-to-video. */
  imageId?: NodeRef | null;
  durationSeconds?: number | null;
  aspectRatio?: SeedanceAspectRatio | null;
  /** Seedance 1 Pro (default) or Pro Fast. */
  quality?: VideoQuality | null;
  /** Variants, 1–4 (default 1): that many b-rolls, one fal request each. */
  count?: number | null;
  idempotencyKey?: string | null;
}

/** A PENDING b-roll at once (the first of its variants); its video and thumbnail come by event. */
export async function createBRoll(deps: Deps, actor: Actor, input: CreateBRollInput) {
  const user = requireUser(actor);
  const count = variantCountOf(input.count);
  if (input.durationSeconds != null && !isSeedanceDuration(input.durationSeconds))
    throw invalid(['input', 'durationSeconds'], VIDEO_DURATION_RULE);
  const key = input.idempotencyKey ?? null;
  const earlier = (client: Tx | PrismaClient) =>
    key
      ? client.bRoll.findUnique({ where: { userId_idempotencyKey: { userId: user.id, idempotencyKey: key } } })
      : Promise.resolve(null);
  const replayed = await earlier(deps.db);
  if (replayed) return replayed;
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const imageStoragePath = input.imageId
    ? (await readyImage(deps, user.id, input.imageId, { toAnimate: true })).storagePath
    : null;
  const variantGroupId = count > 1 ? randomUUID() : null;
  const { rows, created } = await reserveIdempotentGroup(deps, user, 'BROLL', earlier, count, async (tx) => {
    const rows = [];
    for (let variantIndex = 0; variantIndex < count; variantIndex++) {
      const data = {
        name: input.name.trim(),
        prompt: input.prompt.trim(),
        source: imageStoragePath ? ('IMAGE_TO_VIDEO' as const) : ('TEXT_TO_VIDEO' as const),
        imageStoragePath,
        durationSeconds: input.durationSeconds ?? 5,
        aspectRatio: input.aspectRatio ?? '16:9',
        quality: input.quality ?? 'STANDARD',
        userId: user.id,
        projectId: project.id,
        // On the first variant only: a replay finds the group through it.
        idempotencyKey: variantIndex === 0 ? key : null,
        variantGroupId,
        variantIndex,
        variantCount: count,
      };
      rows.push(await tx.bRoll.create({ data }));
    }
    return rows;
  });
  const first = rows[0]!;
  // Only the request that wrote the rows uploads and submits, one fal request per variant.
  if (!created) return first;
  for (const bRoll of rows) await startBRoll(deps, bRoll);
  return deps.db.bRoll.findUniqueOrThrow({ where: { id: first.id } });
}

/** The b-rolls of `bRoll`'s variant group in order (itself alone without one). */
export async function bRollVariants(deps: Pick<Deps, 'db'>, bRoll: { id: string; variantGroupId: string | null }) {
  if (!bRoll.variantGroupId) return deps.db.bRoll.findMany({ where: { id: bRoll.id } });
  return deps.db.bRoll.findMany({ where: { variantGroupId: bRoll.variantGroupId }, orderBy: { variantIndex: 'asc' } });
}
