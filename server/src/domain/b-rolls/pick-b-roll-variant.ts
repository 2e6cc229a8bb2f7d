import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { generationChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { ownBRoll } from './own-b-roll.ts';

/**
 * Keeps one variant of a createBRoll(count) group and deletes the others (rows, then their videos and
 * thumbnails): the kept b-roll becomes a plain one and takes the group's idempotency key. Only once every
 * variant is final. Their ledger attempts stay.
 */
export async function pickBRollVariant(
  deps: Pick<Deps, 'db' | 'storage' | 'pubsub'>,
  actor: Actor,
  input: { id: NodeRef },
) {
  const user = requireUser(actor);
  const bRoll = await ownBRoll(deps, user.id, input.id);
  if (!bRoll.variantGroupId) throw invalid(['input', 'id'], 'This b-roll has no other variants to choose from.');
  const group = await deps.db.bRoll.findMany({ where: { variantGroupId: bRoll.variantGroupId, userId: user.id } });
  if (group.some((v) => v.status === 'PENDING'))
    throw invalid(['input', 'id'], 'Some variants are still being generated; pick one once all are done.');
  const others = group.filter((v) => v.id !== bRoll.id);
  const key = group.find((v) => v.idempotencyKey)?.idempotencyKey ?? null;
  const kept = await deps.db.$transaction(async (tx) => {
    await tx.bRoll.deleteMany({ where: { id: { in: others.map((v) => v.id) } } });
    const data = { variantGroupId: null, variantIndex: 0, variantCount: 1, idempotencyKey: key };
    return tx.bRoll.update({ where: { id: bRoll.id }, data });
  });
  const objects = others.flatMap((v) => [v.videoStoragePath, v.thumbnailStoragePath]);
  await deps.storage.remove(objects.filter((k): k is string => !!k));
  for (const v of others) await generationChanged(deps, { kind: 'BROLL', id: v.id, projectId: v.projectId });
  await generationChanged(deps, { kind: 'BROLL', id: kept.id, projectId: kept.projectId });
  return kept;
}
