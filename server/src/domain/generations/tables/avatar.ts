// Avatars: private ones in a project, public ones for the catalog; made from a studio image.
import type { Avatar } from '../../../generated/prisma/client.ts';
import { type Table, VIEW_COLUMNS, viewOf } from '../table.ts';

export interface AvatarResult {
  videoStoragePath: string;
  seed: number | null;
}

export const avatarTable: Table<Avatar, AvatarResult> = {
  subject: 'AVATAR',
  sqlName: 'Avatar',
  deadline: 'video',
  studioImageRef: { column: 'sourceImageId', by: 'id' },
  find: (db, id) => db.avatar.findUnique({ where: { id } }),
  view: viewOf,
  pending: async (db, before, take) =>
    (
      await db.avatar.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: VIEW_COLUMNS, take })
    ).map(viewOf),
  idByRequest: async (db, falRequestId) =>
    (await db.avatar.findUnique({ where: { falRequestId }, select: { id: true } }))?.id ?? null,
};
