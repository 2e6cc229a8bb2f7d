import type { TestApp } from './helpers.ts';

export const TAXONOMY = {
  sexe: ['homme', 'femme'],
  age: ['jeune', 'adulte', 'senior'],
  industrie: ['medical', 'tech', 'finance', 'retail'],
} as const;

/** Categories and tags of the seeds, written straight to the database. Returns tag ids by slug. */
export async function createTaxonomy(app: TestApp): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let position = 0;
  for (const [slug, tags] of Object.entries(TAXONOMY)) {
    const category = await app.prisma.tagCategory.create({
      data: { slug, name: slug.toUpperCase(), position: position++ },
    });
    for (const t of tags)
      ids.set(
        t,
        (
          await app.prisma.tag.create({
            data: { slug: t, name: t[0]!.toUpperCase() + t.slice(1), categoryId: category.id },
          })
        ).id,
      );
  }
  return ids;
}

/** Deterministic spread: avatar i gets one sexe, one age and one or two industries. */
export function tagsFor(i: number): string[] {
  const tags: string[] = [TAXONOMY.sexe[i % 2]!, TAXONOMY.age[(i >> 1) % 3]!, TAXONOMY.industrie[i % 4]!];
  if (i % 5 === 0) tags.push(TAXONOMY.industrie[(i + 1) % 4]!);
  return tags;
}

export async function createPublicAvatars(
  app: TestApp,
  tagIds: Map<string, string>,
  count: number,
  opts: { start?: number; namePrefix?: string } = {},
) {
  const start = opts.start ?? 0;
  const base = Date.now() - 1000 * 60 * 60;
  const created = [];
  for (let i = start; i < start + count; i++) {
    created.push(
      await app.prisma.avatar.create({
        data: {
          name: `${opts.namePrefix ?? 'Avatar'} ${String(i).padStart(3, '0')}`,
          visibility: 'PUBLIC',
          status: 'SUCCEEDED',
          createdAt: new Date(base + i * 1000),
          tags: { create: tagsFor(i).map((slug) => ({ tagId: tagIds.get(slug)! })) },
        },
      }),
    );
  }
  return created;
}

/** A partner API key made by an admin through the API (the admin is the app's, or `admin` when given). */
export async function createApiKey(app: TestApp, name: string, admin?: { token: string }): Promise<string> {
  const created = await app.gql(
    `mutation ($name: String!) { createApiKey(input: { name: $name }) {
      ... on MutationCreateApiKeySuccess { data { key } } } }`,
    { name },
    (admin ?? (await app.admin())).token,
  );
  return created.data.createApiKey.data.key;
}
