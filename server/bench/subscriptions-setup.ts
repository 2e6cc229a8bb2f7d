// bench:subscriptions: the services (database and S3 from the catalog bench's helpers), the app children,
// the subscriber children, and users with one project and one session each, written straight to the database.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDatabase } from '../src/db.ts';
import { newSecret, SESSION_PREFIX, sha256 } from '../src/auth/crypto.ts';
import { cleanups } from './catalog-cleanup.ts';
import { benchAppEnv } from './catalog-services.ts';
import { child, type Child } from './subscriptions-ipc.ts';

export interface Probe {
  cpuMs: number;
  cpuEndMs: number;
  rss: number;
  /** V8's heap in use plus memory outside it that JS objects hold (Buffers): after GC, far steadier than RSS. */
  heap: number;
}
export interface Account {
  token: string;
  projectId: string; // global id
}
export type App = Child<{ url: string }>;

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

export async function startApps(
  count: number,
  env: { databaseUrl: string; s3: { endpoint: string; accessKey: string; secretKey: string }; redisUrl: string },
): Promise<App[]> {
  const bucket = `bench-${randomBytes(4).toString('hex')}`;
  const apps: App[] = [];
  for (let i = 0; i < count; i++) {
    apps.push(
      await child<{ url: string }>('subscriptions-app.ts', benchAppEnv(env.databaseUrl, env.s3, bucket, env.redisUrl), [
        '--expose-gc',
      ]),
    );
  }
  return apps;
}

export const startClients = (count: number) =>
  Promise.all(
    Array.from({ length: count }, () =>
      child<{ ready: true }>('subscriptions-client.ts', {}, ['--max-old-space-size=4096']),
    ),
  );

/** `count` users, each with one project and a session. */
export async function createAccounts(databaseUrl: string, count: number, tag: string): Promise<Account[]> {
  const { db, close } = createDatabase(databaseUrl, { max: 2 });
  cleanups.push({ what: `accounts ${tag}`, run: close });
  const accounts: Account[] = [];
  const CHUNK = 1000;
  for (let from = 0; from < count; from += CHUNK) {
    const ids = Array.from({ length: Math.min(CHUNK, count - from) }, (_, i) => `bench-${tag}-${from + i}`);
    await db.user.createMany({
      data: ids.map((id) => ({ id, email: `${id}@example.com`, name: id, passwordHash: 'not a hash' })),
    });
    await db.project.createMany({ data: ids.map((id) => ({ id: `p-${id}`, name: 'start', ownerId: id })) });
    const tokens = ids.map(() => newSecret(SESSION_PREFIX));
    const expiresAt = new Date(Date.now() + 24 * 3600_000);
    await db.session.createMany({
      data: ids.map((id, i) => ({ userId: id, tokenHash: sha256(tokens[i]!), expiresAt })),
    });
    ids.forEach((id, i) => accounts.push({ token: tokens[i]!, projectId: gid('Project', `p-${id}`) }));
  }
  return accounts;
}

/** The soft limit on open files, from /proc (null where there is none). */
export function openFilesLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined || soft === 'unlimited' ? null : Number(soft);
  } catch {
    return null;
  }
}
