// `npm start` as a newcomer runs it: no environment but PORT and a data directory, everything embedded.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, freePort, gql, npmStart } from './npm-start.ts';

let dataDir: string;
let child: ChildProcess | undefined;

async function start(port: number): Promise<{ proc: ChildProcess; output: () => string }> {
  const started = await npmStart({ PORT: String(port), DATA_DIR: dataDir }, undefined, 120_000);
  child = started.proc;
  return started;
}

/** Ctrl-C: SIGINT to the whole process group, as a terminal does. Resolves once the server said it stopped. */
async function interrupt(proc: ChildProcess, output: () => string): Promise<void> {
  const before = output().split('stopped\n').length;
  process.kill(-proc.pid!, 'SIGINT');
  for (let i = 0; i < 200; i++) {
    if (output().split('stopped\n').length > before) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no clean stop within 20 s:\n${output()}`);
}

afterAll(async () => {
  try {
    if (child) process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm start with embedded defaults', () => {
  it('serves the seeded product, stops on Ctrl-C, and keeps its data across restarts', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'better-ads-start-'));
    const port = await freePort();
    // How fast is a benchmark's question, not a test's (the banner prints the start-up time).
    const first = await start(port);
    const banner = first.output();
    expect(banner).toMatch(/PostgreSQL embedded: postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/better_ads/);
    expect(banner).toMatch(/S3 +embedded: http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toContain(`GraphiQL   http://localhost:${port}/graphiql`);
    expect(banner).toMatch(/\[seed\] seeded 3 categories, \d+ tags, 24 public avatars/);

    expect((await fetch(`http://localhost:${port}/readyz`)).status).toBe(200);
    expect(await (await fetch(`http://localhost:${port}/`)).text()).toMatch(/<div id="root">/);
    expect(await (await fetch(`http://localhost:${port}/graphiql`)).text()).toMatch(/graphiql/i);

    const catalog = await gql(
      port,
      `{ tagCategories { slug tags { slug avatarCount } }
      publicAvatars(first: 24, tags: ["medical"]) {
        ... on PublicAvatarConnection { totalCount edges { node { name videoUrl imageUrl } } } } }`,
    );
    expect(catalog.data.tagCategories.map((c: any) => c.slug)).toEqual(['sexe', 'age', 'industrie']);
    const medical = catalog.data.publicAvatars;
    expect(medical.totalCount).toBeGreaterThanOrEqual(2);
    const video = Buffer.from(await (await fetch(medical.edges[0].node.videoUrl)).arrayBuffer());
    expect(video.subarray(4, 8).toString()).toBe('ftyp');
    const image = Buffer.from(await (await fetch(medical.edges[0].node.imageUrl)).arrayBuffer());
    expect(image.subarray(1, 4).toString()).toBe('PNG');

    const signUp = await gql(
      port,
      `mutation { signUp(input: { email: "keep@example.com", name: "Keep", password: "persistent!" }) {
        ... on MutationSignUpSuccess { data { token } } } }`,
    );
    const token = signUp.data.signUp.data.token;
    await gql(port, `mutation { createProject(input: { name: "Survives restarts" }) { __typename } }`, {}, token);

    const pgPid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(pgPid)).toBe(true);
    await interrupt(first.proc, first.output);
    for (let i = 0; i < 50 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pgPid)).toBe(false);
    expect(first.output()).not.toMatch(/\[shutdown\]/);
    await expect(fetch(`http://localhost:${port}/healthz`)).rejects.toThrow();

    const second = await start(port);
    expect(second.output()).toContain('[seed] database already seeded');
    expect(second.output()).toContain('migrations up to date');
    const me = await gql(port, `{ me { email projects(first: 5) { edges { node { name } } } } }`, {}, token);
    expect(me.data.me).toEqual({
      email: 'keep@example.com',
      projects: { edges: [{ node: { name: 'Survives restarts' } }] },
    });
    expect(existsSync(join(dataDir, 's3'))).toBe(true);
    await interrupt(second.proc, second.output);
  }, 300_000);
});
