// Studio images: text-to-image and image-to-image rows (uploads are never generations).
import type { Image } from '../../../generated/prisma/client.ts';
import { openFor, settledColumns, type Table, VIEW_COLUMNS, viewOf } from '../table.ts';

export interface ImageResult {
  storagePath: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  nsfw: boolean;
  seed: number | null;
}

const viewColumns = { ...VIEW_COLUMNS, source: true } as const;

export const imageTable: Table<Image, ImageResult> = {
  subject: 'IMAGE',
  sqlName: 'Image',
  deadline: 'image',
  find: (db, id) => db.image.findUnique({ where: { id } }),
  view: viewOf,
  pending: async (db, before, take) =>
    (
      await db.image.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: viewColumns, take })
    ).map(viewOf),
  idByRequest: async (db, falRequestId) =>
    (await db.image.findUnique({ where: { falRequestId }, select: { id: true } }))?.id ?? null,
  submitted: async (tx, id, data) => (await tx.image.updateMany({ where: { id, status: 'PENDING' }, data })).count,
  settle: async (tx, id, requestId, settle) =>
    (await tx.image.updateMany({ where: openFor(id, requestId), data: settledColumns(settle, requestId) })).count,
};
