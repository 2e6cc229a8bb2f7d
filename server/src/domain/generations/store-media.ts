// Storing a result: copy fal's file into our bucket after checking it is what it claims to be.
import { gen } from '../../log.ts';
import { extractFrameJpeg } from '../../media/render.ts';
import { download, openDownload } from '../../generation/download.ts';
import { inspectImage, looksLikeMp4, type ImageType } from '../../generation/media-check.ts';
import type { PipelineDeps, Target } from './types.ts';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MAX_VIDEO_BYTES = 300 * 1024 * 1024;
export const NOT_MP4 = 'The generator returned something that is not an MP4 video.';

type Media<T> = ({ kind: 'stored' } & T) | { kind: 'failed'; reason: string };
type Deps = Pick<PipelineDeps, 'storage' | 'log'>;

export async function storeImage(
  deps: Deps,
  target: Target,
  url: string,
  keyOf: (contentType: ImageType) => string,
): Promise<Media<{ key: string; contentType: ImageType; bytes: number; width: number; height: number }>> {
  const { body } = await download(url, { maxBytes: MAX_IMAGE_BYTES });
  const info = await inspectImage(body);
  if (!info) return { kind: 'failed', reason: 'The generator returned something that is not an image.' };
  const key = keyOf(info.contentType);
  await deps.storage.put(key, body, info.contentType);
  deps.log.info(
    { event: 'generation.stored', ...gen(target.kind, target.id), key, bytes: body.length },
    'result stored',
  );
  return { kind: 'stored', key, bytes: body.length, ...info };
}

/** Copied as it downloads: the CDN download and the storage upload overlap, and no video sits in memory. */
export async function streamVideo(
  deps: Deps,
  target: Target,
  url: string,
  key: string,
): Promise<Media<{ key: string }>> {
  const video = await openDownload(url, { maxBytes: MAX_VIDEO_BYTES });
  if (!looksLikeMp4(video.head)) {
    await video.cancel();
    return { kind: 'failed', reason: NOT_MP4 };
  }
  if (video.size !== null) await deps.storage.putStream(key, video.body, video.size, 'video/mp4');
  else await deps.storage.put(key, Buffer.concat(await video.body.toArray()), 'video/mp4');
  deps.log.info(
    { event: 'generation.stored', ...gen(target.kind, target.id), key, bytes: video.size },
    'result stored',
  );
  return { kind: 'stored', key };
}

/** A video kept whole in memory, since its thumbnail is a frame of it. */
export async function storeVideoWithThumbnail(
  deps: Deps,
  target: Target,
  url: string,
  keys: { video: string; thumbnail: string },
): Promise<Media<{ videoKey: string; thumbnailKey: string }>> {
  const { body } = await download(url, { maxBytes: MAX_VIDEO_BYTES });
  if (!looksLikeMp4(body)) return { kind: 'failed', reason: NOT_MP4 };
  let thumbnail: Buffer;
  try {
    thumbnail = await extractFrameJpeg(body, 0.5);
  } catch {
    return { kind: 'failed', reason: 'The video could not be read to make its thumbnail.' };
  }
  await deps.storage.put(keys.video, body, 'video/mp4');
  await deps.storage.put(keys.thumbnail, thumbnail, 'image/jpeg');
  const line = {
    event: 'generation.stored',
    ...gen(target.kind, target.id),
    key: keys.video,
    thumbnailKey: keys.thumbnail,
    bytes: body.length,
  };
  deps.log.info(line, 'result stored');
  return { kind: 'stored', videoKey: keys.video, thumbnailKey: keys.thumbnail };
}
