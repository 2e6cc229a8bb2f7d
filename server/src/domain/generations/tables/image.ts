// Studio images: text-to-image and image-to-image rows (uploads are never generations).
import type { Image } from '../../../generated/prisma/client.ts';
import { openFor, settledColumns, type Table } from '../table.ts';
import type { GenerationView } from '../types.ts';

export interface ImageResult {
  storagePath: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  nsfw: boolean;
}

const view = (
  r: Pick<Image, 'id' | 'userId' | 'projectId' | 'status' | 'falRequestId' | 'falModel' | 'createdAt' | 'source'>,
): GenerationView => ({
  id: r.id,
  userId: r.userId,
  projectId: r.projectId,
  status: r.status,
  falRequestId: r.falRequestId,
  falModel: r.falModel,
  createdAt: r.createdAt,
  source: r.source,
});
const viewColumns = {
  id: true,
  userId: true,
  projectId: true,
  status: true,
  falRequestId: true,
  falModel: true,
  createdAt: true,
  source: true,
} as const;

export const imageTable: Table<Image, ImageResult> = {
  subject: 'IMAGE',
  sqlName: 'Image',
  deadline: 'image',
  find: (db, id) => db.image.findUnique({ where: { id } }),
  view,
  pending: async (db, before, take) =>
    (
      await db.image.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: viewColumns, take })
    ).map(view),
  idByRequest: async (db, falRequestId) =>
    (await db.image.findUnique({ where: { falRequestId }, select: { id: true } }))?.id ?? null,
  submitted: async (tx, id, data) => (await tx.image.updateMany({ where: { id, status: 'PENDING' }, data })).count,
  settle: async (tx, id, requestId, settle) =>
    (await tx.image.updateMany({ where: openFor(id, requestId), data: settledColumns(settle, requestId) })).count,
};
