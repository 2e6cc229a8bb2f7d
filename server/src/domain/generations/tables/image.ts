// Studio images: text-to-image and image-to-image rows (uploads are never generations).
import type { Image } from '../../../generated/prisma/client.ts';
import { type Table, VIEW_COLUMNS, viewOf } from '../table.ts';

export interface ImageResult {
  storagePath: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  nsfw: boolean;
  seed: number | null;
}

const viewColumns = { ...VIEW_COLUMNS, source: true, variantIndex: true } as const;

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
  // The group's first variant: the row the request was submitted for.
  idByRequest: async (db, falRequestId) =>
    (await db.image.findFirst({ where: { falRequestId }, orderBy: { variantIndex: 'asc' }, select: { id: true } }))
      ?.id ?? null,
  requestMates: async (db, id, falRequestId) => {
    const self = await db.image.findUnique({ where: { id }, select: { variantGroupId: true } });
    const by = [
      ...(self?.variantGroupId ? [{ variantGroupId: self.variantGroupId }] : []),
      ...(falRequestId ? [{ falRequestId }] : []),
    ];
    if (!by.length) return [];
    const rows = await db.image.findMany({
      where: { id: { not: id }, OR: by },
      orderBy: { variantIndex: 'asc' },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  },
};
