import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { generationChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { ownImage } from './own-image.ts';

/**
 * Keeps one variant of a generateImage(count) group and deletes the others (rows, then objects): the kept image
 * becomes a plain one (no group) and takes the group's idempotency key, so a replay still returns it. Only
 * once every variant is final: a PENDING one may still be written by its webhook. Their ledger attempts stay.
 */
export async function pickImageVariant(
  deps: Pick<Deps, 'db' | 'storage' | 'pubsub'>,
  actor: Actor,
  input: { id: NodeRef },
) {
  const user = requireUser(actor);
  const image = await ownImage(deps, user.id, input.id);
  if (!image.variantGroupId) throw invalid(['input', 'id'], 'This image has no other variants to choose from.');
  const group = await deps.db.image.findMany({ where: { variantGroupId: image.variantGroupId, userId: user.id } });
  if (group.some((v) => v.status === 'PENDING'))
    throw invalid(['input', 'id'], 'Some variants are still being generated; pick one once all are done.');
  const others = group.filter((v) => v.id !== image.id);
  // An image an avatar or a b-roll is made from is still needed (a retry reads it again).
  const paths = others.map((v) => v.storagePath).filter((k): k is string => !!k);
  const inUse =
    (await deps.db.avatar.count({ where: { sourceImageId: { in: others.map((v) => v.id) } } })) +
    (await deps.db.bRoll.count({ where: { imageStoragePath: { in: paths } } }));
  if (inUse) throw invalid(['input', 'id'], 'Another variant is used by an avatar or a b-roll; it cannot be deleted.');
  const key = group.find((v) => v.idempotencyKey)?.idempotencyKey ?? null;
  const kept = await deps.db.$transaction(async (tx) => {
    await tx.image.deleteMany({ where: { id: { in: others.map((v) => v.id) } } });
    const data = { variantGroupId: null, variantIndex: 0, variantCount: 1, idempotencyKey: key };
    return tx.image.update({ where: { id: image.id }, data });
  });
  await deps.storage.remove(paths);
  for (const v of others) await generationChanged(deps, { kind: 'IMAGE', id: v.id, projectId: v.projectId });
  await generationChanged(deps, { kind: 'IMAGE', id: kept.id, projectId: kept.projectId });
  return kept;
}
