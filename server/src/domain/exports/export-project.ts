import type { Deps } from '../../app/deps.ts';
import { buildProjectExport } from '../../jobs/definitions/build-project-export.ts';
import type { Actor } from '../actor.ts';
import { ownProject } from '../projects/own-project.ts';
import { EXPORT_RUN_LIMIT_MS } from './build-export.ts';

/**
 * Starts a ZIP export of the actor's project, or returns the one already being built: PENDING at once, and
 * projectUpdated (kind EXPORT) tells once, when it is built or failed. Someone else's project is a NotFoundError.
 */
export async function exportProject(deps: Pick<Deps, 'db' | 'jobs'>, actor: Actor, input: { projectId: string }) {
  const project = await ownProject(deps, actor, input);
  const { row, created } = await deps.db.$transaction(async (tx) => {
    // One export at a time per project, also under concurrent clicks.
    await tx.$executeRaw`SELECT 1 FROM "Project" WHERE id = ${project.id} FOR UPDATE`;
    // A PENDING export younger than the run limit is being built; an older one is the sweep's to fail.
    const pending = await tx.projectExport.findFirst({
      where: {
        projectId: project.id,
        status: 'PENDING',
        createdAt: { gt: new Date(Date.now() - EXPORT_RUN_LIMIT_MS) },
      },
      orderBy: { createdAt: 'desc' },
    });
    if (pending) return { row: pending, created: false };
    return {
      row: await tx.projectExport.create({ data: { userId: project.ownerId, projectId: project.id } }),
      created: true,
    };
  });
  if (!created) return row;
  try {
    await deps.jobs.send(buildProjectExport, { exportId: row.id });
  } catch (e) {
    await deps.db.projectExport.update({
      where: { id: row.id },
      data: { status: 'FAILED', failureReason: 'The export could not be started. Try again.', finishedAt: new Date() },
    });
    throw e;
  }
  return row;
}
