// B-rolls: Seedance clips from a prompt, or from one of the user's studio images.
import type { BRoll } from '../../../generated/prisma/client.ts';
import { type Table, VIEW_COLUMNS, viewOf } from '../table.ts';

export interface BRollResult {
  videoStoragePath: string;
  thumbnailStoragePath: string;
  seed: number | null;
}

const viewColumns = { ...VIEW_COLUMNS, source: true, variantIndex: true } as const;

export const bRollTable: Table<BRoll, BRollResult> = {
  subject: 'BROLL',
  sqlName: 'BRoll',
  deadline: 'video',
  // Read again at retry (image-to-video): the studio image it animates stays.
  studioImageRef: { column: 'imageStoragePath', by: 'storagePath' },
  find: (db, id) => db.bRoll.findUnique({ where: { id } }),
  view: viewOf,
  pending: async (db, before, take) =>
    (
      await db.bRoll.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: viewColumns, take })
    ).map(viewOf),
  idByRequest: async (db, falRequestId) =>
    (await db.bRoll.findUnique({ where: { falRequestId }, select: { id: true } }))?.id ?? null,
};
