import type { Deps } from '../../app/deps.ts';
import { keys } from '../../storage/keys.ts';
import type { Actor } from '../actor.ts';
import { avatarLinksChanged, projectChanged } from '../events.ts';
import { ownProject } from './own-project.ts';
import { linkedProjectIds } from './project-avatars.ts';

/**
 * Deletes the project with everything made in it: rows, then their objects in storage. Avatars added to it
 * from elsewhere only lose their link; avatars made in it leave the other projects they were added to.
 */
export async function deleteProject(
  deps: Pick<Deps, 'db' | 'storage' | 'pubsub'>,
  actor: Actor,
  input: { projectId: string },
): Promise<{ projectId: string }> {
  const project = await ownProject(deps, actor, input);
  const where = { projectId: project.id };
  const [images, bRolls, avatars] = await Promise.all([
    deps.db.image.findMany({ where, select: { storagePath: true } }),
    deps.db.bRoll.findMany({ where, select: { videoStoragePath: true, thumbnailStoragePath: true } }),
    deps.db.avatar.findMany({ where, select: { imageStoragePath: true, videoStoragePath: true } }),
  ]);
  const elsewhere = await linkedProjectIds(deps, { avatar: where, projectId: { not: project.id } });
  // Images and b-rolls go by cascade; avatars would stay, detached (their project is set null).
  await deps.db.$transaction([
    deps.db.avatar.deleteMany({ where }),
    deps.db.project.delete({ where: { id: project.id } }),
  ]);
  const objects = [
    ...images.map((i) => i.storagePath),
    ...bRolls.flatMap((b) => [b.videoStoragePath, b.thumbnailStoragePath]),
    ...avatars.flatMap((a) => [a.imageStoragePath, a.videoStoragePath]),
    // uploads that were never registered
    ...(await deps.storage.list(`images/temp-generated/${project.ownerId}/${project.id}/`)),
    // its ZIP exports (their rows go by cascade)
    ...(await deps.storage.list(keys.projectExports(project.ownerId, project.id))),
  ];
  await deps.storage.remove([...new Set(objects.filter((k): k is string => !!k))]);
  await projectChanged(deps, project.id);
  for (const link of elsewhere) await avatarLinksChanged(deps, link.avatarId, [link.projectId]);
  return { projectId: input.projectId };
}
