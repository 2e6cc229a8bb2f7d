// Benchmark data for the public catalog: a 3-category taxonomy and N public SUCCEEDED avatars with
// exactly one tag per category, written with a few `unnest` INSERTs (not one Prisma call per row).
import { createHash } from 'node:crypto';
import pg from 'pg';

export const TAXONOMY: { slug: string; name: string; tags: [slug: string, name: string][] }[] = [
  {
    slug: 'sexe',
    name: 'Sexe',
    tags: [
      ['homme', 'Homme'],
      ['femme', 'Femme'],
    ],
  },
  {
    slug: 'age',
    name: 'Âge',
    tags: [
      ['jeune', 'Jeune'],
      ['adulte', 'Adulte'],
      ['senior', 'Senior'],
    ],
  },
  {
    slug: 'industrie',
    name: 'Industrie',
    tags: [
      ['medical', 'Médical'],
      ['tech', 'Tech'],
      ['finance', 'Finance'],
      ['immobilier', 'Immobilier'],
      ['education', 'Éducation'],
      ['retail', 'Retail'],
      ['beaute', 'Beauté'],
    ],
  },
];

/** A cuid-looking id (25 chars, starts with "c"), the same for the same seed on every run. */
export const benchId = (kind: string, n: number | string) =>
  'c' + createHash('sha1').update(`${kind}:${n}`).digest('hex').slice(0, 24);

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LoadResult {
  avatars: number;
  avatarTags: number;
  /** Tag slugs of avatar i (id `benchId('avatar', i)`; createdAt grows with i), to check the endpoints against. */
  tagsOf: string[][];
  ms: { insert: number; analyze: number };
}

export async function loadCatalog(databaseUrl: string, count: number, seed = 42): Promise<LoadResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    const tagIds = new Map<string, string>();
    const cat = { id: [] as string[], slug: [] as string[], name: [] as string[], position: [] as number[] };
    const tag = { id: [] as string[], slug: [] as string[], name: [] as string[], categoryId: [] as string[] };
    TAXONOMY.forEach((c, position) => {
      const cid = benchId('category', c.slug);
      cat.id.push(cid);
      cat.slug.push(c.slug);
      cat.name.push(c.name);
      cat.position.push(position);
      for (const [slug, name] of c.tags) {
        const id = benchId('tag', slug);
        tagIds.set(slug, id);
        tag.id.push(id);
        tag.slug.push(slug);
        tag.name.push(name);
        tag.categoryId.push(cid);
      }
    });
    await client.query(
      `INSERT INTO "TagCategory" (id, slug, name, position) SELECT * FROM unnest($1::text[], $2::text[], $3::text[],
        $4::int[])`,
      [cat.id, cat.slug, cat.name, cat.position],
    );
    await client.query(
      `INSERT INTO "Tag" (id, slug, name, "categoryId") SELECT * FROM unnest($1::text[], $2::text[], $3::text[],
        $4::text[])`,
      [tag.id, tag.slug, tag.name, tag.categoryId],
    );

    const random = prng(seed);
    const base = Date.UTC(2025, 0, 1);
    const ids: string[] = [];
    const names: string[] = [];
    const created: string[] = [];
    const atAvatar: string[] = [];
    const atTag: string[] = [];
    const tagsOf: string[][] = [];
    for (let i = 0; i < count; i++) {
      const id = benchId('avatar', i);
      const mine: string[] = [];
      tagsOf.push(mine);
      ids.push(id);
      names.push(`Avatar ${String(i).padStart(5, '0')}`);
      // Distinct and increasing with i, with uneven gaps (2 to 120 s).
      created.push(new Date(base + i * 61_000 + Math.floor(random() * 60) * 1000).toISOString());
      for (const c of TAXONOMY) {
        const [slug] = c.tags[Math.floor(random() * c.tags.length)]!;
        atAvatar.push(id);
        atTag.push(tagIds.get(slug)!);
        mine.push(slug);
      }
    }
    await client.query(
      `INSERT INTO "Avatar" (id, name, visibility, status, "createdAt", "updatedAt", "finishedAt")
       SELECT id, name, 'PUBLIC'::"Visibility", 'SUCCEEDED'::"GenerationStatus", ts, ts, ts
         FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(id, name, tstz),
              LATERAL (SELECT tstz AT TIME ZONE 'UTC' AS ts) utc`,
      [ids, names, created],
    );
    await client.query(`INSERT INTO "AvatarTag" ("avatarId", "tagId") SELECT * FROM unnest($1::text[], $2::text[])`, [
      atAvatar,
      atTag,
    ]);
    await client.query('COMMIT');
    const inserted = performance.now();
    await client.query('ANALYZE');
    return {
      avatars: count,
      avatarTags: atAvatar.length,
      tagsOf,
      ms: { insert: inserted - started, analyze: performance.now() - inserted },
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
