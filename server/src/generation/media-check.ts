import sharp from 'sharp';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';
// Partial: sharp knows many more formats (gif, svg, heif, …), none of which we accept.
const IMAGE_TYPES: Partial<Record<string, ImageType>> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** What the bytes really are, whatever a header or a client claims. */
export async function inspectImage(
  bytes: Buffer,
): Promise<{ contentType: ImageType; width: number; height: number } | null> {
  try {
    const meta = await sharp(bytes).metadata();
    const contentType = IMAGE_TYPES[meta.format];
    if (!contentType || !meta.width || !meta.height) return null;
    return { contentType, width: meta.width, height: meta.height };
  } catch {
    return null;
  }
}

/** An ISO-BMFF (MP4) file starts with a box whose type is `ftyp`. */
export const looksLikeMp4 = (bytes: Buffer) => bytes.length > 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp';
