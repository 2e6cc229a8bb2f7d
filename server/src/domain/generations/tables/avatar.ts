// Avatars: private ones in a project, public ones for the catalog; made from a studio image.
import type { Avatar } from '../../../generated/prisma/client.ts';
import { openFor, settledColumns, type Table } from '../table.ts';
import type { GenerationView } from '../types.ts';

export interface AvatarResult {
  videoStoragePath: string;
}

const view = (
  r: Pick<Avatar, 'id' | 'userId' | 'projectId' | 'status' | 'falRequestId' | 'falModel' | 'createdAt'>,
): GenerationView => ({
  id: r.id,
  userId: r.userId,
  projectId: r.projectId,
  status: r.status,
  falRequestId: r.falRequestId,
  falModel: r.falModel,
  createdAt: r.createdAt,
  source: null,
});
const viewColumns = {
  id: true,
  userId: true,
  projectId: true,
  status: true,
  falRequestId: true,
  falModel: true,
  createdAt: true,
} as const;

export const avatarTable: Table<Avatar, AvatarResult> = {
  subject: 'AVATAR',
  sqlName: 'Avatar',
  deadline: 'video',
  studioImageRef: { column: 'sourceImageId', by: 'id' },
  find: (db, id) => db.avatar.findUnique({ where: { id } }),
  view,
  pending: async (db, before, take) =>
    (
      await db.avatar.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: viewColumns, take })
    ).map(view),
  idByRequest: async (db, falRequestId) =>
    (await db.avatar.findUnique({ where: { falRequestId }, select: { id: true } }))?.id ?? null,
  submitted: async (tx, id, data) => (await tx.avatar.updateMany({ where: { id, status: 'PENDING' }, data })).count,
  settle: async (tx, id, requestId, settle) =>
    (await tx.avatar.updateMany({ where: openFor(id, requestId), data: settledColumns(settle, requestId) })).count,
};
