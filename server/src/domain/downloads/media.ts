// What of an image, an avatar or a b-roll a user downloads: its stored object and a readable name. Read
// by downloadUrl and by the project export, so both name a file the same way.
import type { Avatar, BRoll, Image } from '../../generated/prisma/client.ts';

export interface Media {
  key: string;
  /** The readable name, before any cleaning (file-name.ts), and what to call it when it has none. */
  name: string | null;
  fallback: string;
  ext: string;
}

const extOf = (key: string) => /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase() ?? 'bin';
const media = (key: string | null, name: string | null, fallback: string): Media | null =>
  key ? { key, name, fallback, ext: extOf(key) } : null;

const done = (row: { status: string }) => row.status === 'SUCCEEDED';

export const imageMedia = (i: Pick<Image, 'status' | 'storagePath' | 'prompt' | 'source'>) =>
  done(i) ? media(i.storagePath, i.source === 'UPLOAD' ? 'Uploaded image' : i.prompt, 'image') : null;

export const avatarMedia = (a: Pick<Avatar, 'status' | 'videoStoragePath' | 'name'>) =>
  done(a) ? media(a.videoStoragePath, a.name, 'avatar') : null;

/** An avatar's reference image, exported beside its video. */
export const avatarImageMedia = (a: Pick<Avatar, 'status' | 'imageStoragePath' | 'name'>) =>
  done(a) ? media(a.imageStoragePath, a.name, 'avatar') : null;

export const bRollMedia = (b: Pick<BRoll, 'status' | 'videoStoragePath' | 'name'>) =>
  done(b) ? media(b.videoStoragePath, b.name, 'b-roll') : null;
