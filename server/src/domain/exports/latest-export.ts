import type { Deps } from '../../app/deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Shape } from '../shape.ts';

/** The project's newest export (any status), for the project it was read through (already authorized). */
export const latestExport = (
  deps: Pick<Deps, 'db'>,
  input: { projectId: string; shape?: Shape<Prisma.ProjectExportSelect, Prisma.ProjectExportInclude> },
) =>
  deps.db.projectExport.findFirst({
    ...input.shape,
    where: { projectId: input.projectId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
