// Seed data (DESIGN §4, §7): the tag taxonomy and a public avatar catalog with real, locally made media.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { imageToMp4, renderPortraitPng } from '../media/render.ts';
import type { Storage } from '../storage/storage.ts';
import { keys } from '../storage/keys.ts';

export const SEED_AVATAR_COUNT = 24;
export const SEED_FAL_MODEL = 'seed';

const VIDEO_SECONDS = 3;
const MEDIA_CONCURRENCY = 4;

interface TagSeed {
  slug: string;
  name: string;
}

const CATEGORIES: { slug: string; name: string; tags: TagSeed[] }[] = [
  {
    slug: 'sexe',
    name: 'Sexe',
    tags: [
      { slug: 'homme', name: 'Homme' },
      { slug: 'femme', name: 'Femme' },
    ],
  },
  {
    slug: 'age',
    name: 'Âge',
    tags: [
      { slug: 'jeune', name: 'Jeune' },
      { slug: 'adulte', name: 'Adulte' },
      { slug: 'senior', name: 'Senior' },
    ],
  },
  {
    slug: 'industrie',
    name: 'Industrie',
    tags: [
      { slug: 'medical', name: 'Médical' },
      { slug: 'tech', name: 'Tech' },
      { slug: 'finance', name: 'Finance' },
      { slug: 'immobilier', name: 'Immobilier' },
      { slug: 'education', name: 'Éducation' },
      { slug: 'retail', name: 'Commerce' },
      { slug: 'beaute', name: 'Beauté' },
    ],
  },
];

const [SEXES, AGES, INDUSTRIES] = CATEGORIES.map((c) => c.tags) as [TagSeed[], TagSeed[], TagSeed[]];

const FIRST_NAMES: Record<string, string[]> = {
  homme: [
    'Hugo',
    'Lucas',
    'Julien',
    'Thomas',
    'Antoine',
    'Mathis',
    'Nicolas',
    'Pierre',
    'Louis',
    'Gabriel',
    'Olivier',
    'Bernard',
  ],
  femme: [
    'Camille',
    'Léa',
    'Chloé',
    'Manon',
    'Sophie',
    'Inès',
    'Claire',
    'Juliette',
    'Élise',
    'Margaux',
    'Nathalie',
    'Françoise',
  ],
};

export interface SeedAvatar {
  name: string;
  subtitle: string;
  hue: number;
  tagSlugs: string[];
}

/**
 * The catalog, by formula: sexe alternates, âge changes every two avatars (so the six sexe×âge pairs
 * repeat every six), the main industry cycles every seven and every third avatar gets a second one.
 * Periods 6 and 7 are coprime, so no two of the 24 avatars share the same combination.
 */
export function seedAvatars(count = SEED_AVATAR_COUNT): SeedAvatar[] {
  return Array.from({ length: count }, (_, i) => {
    const sexe = SEXES[i % SEXES.length]!;
    const age = AGES[Math.floor(i / 2) % AGES.length]!;
    const industry = INDUSTRIES[i % INDUSTRIES.length]!;
    const second = i % 3 === 0 ? INDUSTRIES[(i + 3) % INDUSTRIES.length]! : undefined;
    const names = FIRST_NAMES[sexe.slug]!;
    const first = names[Math.floor(i / SEXES.length) % names.length]!;
    const industries = second ? [industry, second] : [industry];
    return {
      name: `${first} — ${industry.name}`,
      subtitle: [sexe.name, age.name, ...industries.map((t) => t.name)].join(' · '),
      hue: (i * 137) % 360,
      tagSlugs: [sexe.slug, age.slug, ...industries.map((t) => t.slug)],
    };
  });
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Removes the avatars an earlier seed created (and their objects), so `force` does not duplicate them. */
async function removeSeedAvatars(prisma: PrismaClient, storage: Storage): Promise<void> {
  const old = await prisma.avatar.findMany({
    where: { falModel: SEED_FAL_MODEL, visibility: 'PUBLIC' },
    select: { id: true, imageStoragePath: true, videoStoragePath: true },
  });
  const paths = old.flatMap((a) => [a.imageStoragePath, a.videoStoragePath]).filter((p): p is string => !!p);
  await storage.remove(paths);
  await prisma.avatar.deleteMany({ where: { id: { in: old.map((a) => a.id) } } });
}

export async function seed(prisma: PrismaClient, storage: Storage, opts: { force?: boolean } = {}): Promise<string> {
  const started = performance.now();
  if (!opts.force && (await prisma.tagCategory.count()) > 0) return 'database already seeded';

  const avatars = seedAvatars();
  // Media first: if ffmpeg fails, nothing has been written and a plain re-run starts over.
  const media = await mapLimit(avatars, MEDIA_CONCURRENCY, async (a) => {
    const png = await renderPortraitPng({ title: a.name, subtitle: a.subtitle, hue: a.hue });
    const mp4 = await imageToMp4(png, { seconds: VIDEO_SECONDS });
    return { png, mp4 };
  });
  const mediaDone = performance.now();

  const tagIds = new Map<string, string>();
  for (const [position, c] of CATEGORIES.entries()) {
    const category = await prisma.tagCategory.upsert({
      where: { slug: c.slug },
      create: { slug: c.slug, name: c.name, position },
      update: { name: c.name, position },
    });
    for (const t of c.tags) {
      const tag = await prisma.tag.upsert({
        where: { slug: t.slug },
        create: { slug: t.slug, name: t.name, categoryId: category.id },
        update: { name: t.name, categoryId: category.id },
      });
      tagIds.set(t.slug, tag.id);
    }
  }

  if (opts.force) await removeSeedAvatars(prisma, storage);

  const now = Date.now();
  await mapLimit(avatars, MEDIA_CONCURRENCY, async (a, i) => {
    // Staggered so "newest first" lists the seed in a stable order.
    const createdAt = new Date(now - i * 60_000);
    const row = await prisma.avatar.create({
      data: {
        name: a.name,
        visibility: 'PUBLIC',
        status: 'PENDING',
        falModel: SEED_FAL_MODEL,
        submittedAt: createdAt,
        estimatedCostUsd: 0,
        createdAt,
        tags: { create: a.tagSlugs.map((slug) => ({ tagId: tagIds.get(slug)! })) },
      },
      select: { id: true },
    });
    const { png, mp4 } = media[i]!;
    const imageKey = keys.publicAvatarImage(row.id, 'image/png');
    const videoKey = keys.publicAvatarVideo(row.id);
    await storage.put(imageKey, png, 'image/png');
    await storage.put(videoKey, mp4, 'video/mp4');
    await prisma.avatar.update({
      where: { id: row.id },
      data: {
        status: 'SUCCEEDED',
        imageStoragePath: imageKey,
        videoStoragePath: videoKey,
        finishedAt: new Date(createdAt.getTime() + 1000),
      },
    });
  });

  const tagCount = CATEGORIES.reduce((n, c) => n + c.tags.length, 0);
  const total = (performance.now() - started) / 1000;
  const perVideo = (mediaDone - started) / 1000 / avatars.length;
  return (
    `seeded ${CATEGORIES.length} categories, ${tagCount} tags, ${avatars.length} public avatars ` +
    `in ${total.toFixed(1)} s (media ${((mediaDone - started) / 1000).toFixed(1)} s, ` +
    `${perVideo.toFixed(2)} s per avatar at concurrency ${MEDIA_CONCURRENCY})`
  );
}
