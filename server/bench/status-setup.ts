// bench:status: the avatars' references, one studio image each (each avatar consumes its own).
import sharp from 'sharp';
import type { PrismaClient } from '../src/db.ts';
import type { Storage } from '../src/storage/storage.ts';

/** `count` studio images of one real PNG, stored as uploads are; their global ids. */
export async function storeReferences(
  prisma: PrismaClient,
  storage: Storage,
  userId: string,
  projectId: string,
  count: number,
): Promise<string[]> {
  const png = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#a05030' } })
    .png()
    .toBuffer();
  const imageIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const image = await prisma.image.create({
      data: {
        source: 'UPLOAD',
        status: 'SUCCEEDED',
        contentType: 'image/png',
        width: 512,
        height: 512,
        byteSize: png.length,
        userId,
        projectId,
      },
    });
    const key = `images/temp-generated/${userId}/${projectId}/${image.id}.png`;
    await storage.put(key, png, 'image/png');
    await prisma.image.update({ where: { id: image.id }, data: { storagePath: key } });
    imageIds.push(Buffer.from(`Image:${image.id}`).toString('base64'));
  }
  return imageIds;
}
