// What a project export holds: the project's SUCCEEDED images, avatars (video and reference image) and
// b-rolls under readable, unique names, and a manifest.json describing each of them.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Storage } from '../../storage/storage.ts';
import { fileName } from '../downloads/file-name.ts';
import { avatarImageMedia, avatarMedia, bRollMedia, imageMedia, type Media } from '../downloads/media.ts';

export interface Entry {
  /** Its path inside the ZIP. */
  path: string;
  key: string;
  size: number;
  mtime: Date;
}

export interface Contents {
  entries: Entry[];
  manifest: Record<string, unknown>;
}

/** The generation settings a row was made with, when it has them (rows older than a column have null). */
function settings(row: { seed: number | null; aspectRatio: string | null; durationSeconds?: number | null }) {
  const { seed, aspectRatio, durationSeconds } = row;
  return Object.fromEntries(Object.entries({ seed, aspectRatio, durationSeconds }).filter(([, v]) => v != null));
}

/** Unique paths in a folder, case-insensitively ("Ad.mp4", "Ad (2).mp4"). */
function namer(folder: string) {
  const taken = new Set<string>();
  return (m: Media): string => {
    const name = fileName(m.name, m.ext, m.fallback);
    const dot = name.lastIndexOf('.');
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return `${folder}/${candidate}`;
      }
    }
  };
}

export async function exportContents(
  deps: { db: PrismaClient; storage: Storage },
  project: { id: string; name: string },
  exportedAt: Date,
): Promise<Contents> {
  const where = { projectId: project.id, status: 'SUCCEEDED' as const };
  const orderBy = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
  const [images, avatars, bRolls] = await Promise.all([
    deps.db.image.findMany({ where, orderBy }),
    // Those made in the project and those added to it from elsewhere (the library's links).
    deps.db.avatar.findMany({
      where: {
        status: 'SUCCEEDED',
        OR: [{ projectId: project.id }, { projectLinks: { some: { projectId: project.id } } }],
      },
      orderBy,
      include: { tags: { include: { tag: true } } },
    }),
    deps.db.bRoll.findMany({ where, orderBy }),
  ]);
  const entries: Entry[] = [];
  /** The entry of `m`, or null when its object is gone (deleted meanwhile): left out of the ZIP. */
  const add = async (m: Media | null, name: (m: Media) => string, mtime: Date): Promise<string | null> => {
    const stat = m && (await deps.storage.stat(m.key));
    if (!m || !stat) return null;
    const path = name(m);
    entries.push({ path, key: m.key, size: stat.size, mtime });
    return path;
  };
  const items: Record<string, unknown>[] = [];
  const imageName = namer('images');
  for (const i of images) {
    const file = await add(imageMedia(i), imageName, i.createdAt);
    if (!file) continue;
    items.push({
      kind: 'IMAGE',
      id: encodeGlobalID('Image', i.id),
      file,
      source: i.source,
      prompt: i.prompt,
      contentType: i.contentType,
      width: i.width,
      height: i.height,
      createdAt: i.createdAt,
      ...settings(i),
    });
  }
  const avatarName = namer('avatars');
  for (const a of avatars) {
    const file = await add(avatarMedia(a), avatarName, a.createdAt);
    if (!file) continue;
    items.push({
      kind: 'AVATAR',
      id: encodeGlobalID('Avatar', a.id),
      name: a.name,
      file,
      referenceImage: await add(avatarImageMedia(a), avatarName, a.createdAt),
      contentType: 'video/mp4',
      visibility: a.visibility,
      tags: a.tags.map((t) => t.tag.slug).sort(),
      createdAt: a.createdAt,
      ...settings(a),
    });
  }
  const bRollName = namer('b-rolls');
  for (const b of bRolls) {
    const file = await add(bRollMedia(b), bRollName, b.createdAt);
    if (!file) continue;
    items.push({
      kind: 'BROLL',
      id: encodeGlobalID('BRoll', b.id),
      name: b.name,
      file,
      source: b.source,
      prompt: b.prompt,
      contentType: 'video/mp4',
      createdAt: b.createdAt,
      ...settings(b),
    });
  }
  const manifest = {
    format: 'better-ads-project-export',
    version: 1,
    project: { id: encodeGlobalID('Project', project.id), name: project.name },
    exportedAt,
    items,
  };
  return { entries, manifest };
}
