// Live progress over graphql-ws: fal's queue position, then IN_PROGRESS with its logs, pushed through
// projectUpdated only when it changes; the ETA from the durations recorded in the ledger.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FalEmulatorConfig } from '../src/fal/emulator.ts';
import { dbId, startTestApp, untilStatus, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GENERATION_PROGRESS_POLL_MS: '300' });
});
afterAll(() => app.stop());

async function knobs(partial: Partial<FalEmulatorConfig>) {
  const res = await fetch(`${app.emulator.url}/_emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(partial),
  });
  expect(res.status).toBe(200);
}

const PROGRESS = `progress { queuePosition startedAt elapsedSeconds etaSeconds logs }`;
const GENERATE = `mutation($p: ID!, $prompt: String!) { generateImage(input: { projectId: $p, prompt: $prompt }) {
  ... on MutationGenerateImageSuccess { data { id status ${PROGRESS} } } } }`;
const MODEL = 'fal-ai/flux/dev';

interface Seen {
  id: string;
  status: string;
  progress: {
    queuePosition: number | null;
    startedAt: string | null;
    elapsedSeconds: number;
    etaSeconds: number | null;
    logs: string[];
  } | null;
}

/** Records the project's image events over graphql-ws until stopped. */
function watch(token: string, projectId: string) {
  const events: Seen[] = [];
  const stop = app.ws(token).subscribe(
    {
      query: `subscription($id: ID!) { projectUpdated(projectId: $id) { image { id status ${PROGRESS} } } }`,
      variables: { id: projectId },
    },
    {
      next: (v) => {
        const image = (v.data?.projectUpdated as { image: Seen | null } | undefined)?.image;
        if (image) events.push(image);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return { events, stop };
}

/** Durations of earlier successes of MODEL, as the ledger records them (seconds from submission to result). */
async function recordDurations(userId: string, seconds: number[]) {
  for (const [i, s] of seconds.entries()) {
    const finishedAt = new Date(Date.now() - (i + 1) * 60_000);
    await app.sql(
      `INSERT INTO "GenerationAttempt" (id, "userId", kind, "targetId", status, "falModel", "submittedAt", "finishedAt")
       VALUES ($1, $2, 'IMAGE', $3, 'SUCCEEDED', $4, $5, $6)`,
      [randomUUID(), userId, randomUUID(), MODEL, new Date(finishedAt.getTime() - s * 1000), finishedAt],
    );
  }
}

const sameProgress = (a: Seen, b: Seen) =>
  a.status === b.status &&
  JSON.stringify({ ...a.progress, elapsedSeconds: 0, etaSeconds: 0 }) ===
    JSON.stringify({ ...b.progress, elapsedSeconds: 0, etaSeconds: 0 });

describe('live progress', () => {
  it('shows the queue position, then IN_PROGRESS with logs, over projectUpdated; ETA from recorded \
durations', async () => {
    const user = await app.signUp();
    const projectId = (
      await app.gql(
        `mutation { createProject(input: { name: "Progress" }) {
          ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        user.token,
      )
    ).data.createProject.data.id;
    await recordDurations(user.userId, [10, 20, 30]);
    const { events, stop } = watch(user.token, projectId);
    await new Promise((r) => setTimeout(r, 300));
    // One worker: the second request waits for the first in fal's queue.
    await knobs({ workers: 1, queueMs: 0, latencyMs: 4_000 });
    const first = (await app.gql(GENERATE, { p: projectId, prompt: 'first' }, user.token)).data.generateImage.data;
    const second = (await app.gql(GENERATE, { p: projectId, prompt: 'second' }, user.token)).data.generateImage.data;
    expect(first).toMatchObject({ status: 'PENDING', progress: { etaSeconds: expect.any(Number) } });
    const eta = (p: { elapsedSeconds: number; etaSeconds: number }) => p.elapsedSeconds + p.etaSeconds;
    expect(eta(first.progress)).toBe(20);
    await untilStatus(app, user.token, second.id, 'SUCCEEDED');
    await knobs({ workers: null, queueMs: null, latencyMs: 500 });
    stop();

    const of = (id: string) => events.filter((e) => e.id === id);
    const queued = of(second.id).find((e) => e.progress?.queuePosition != null);
    expect(queued?.progress).toMatchObject({ queuePosition: 1, startedAt: null, logs: [] });
    const running = of(second.id).filter((e) => e.progress?.startedAt);
    expect(running[0]!.progress!.queuePosition).toBeNull();
    expect(running.at(-1)!.progress!.logs).toEqual(expect.arrayContaining([`Starting ${MODEL}`, 'Generating: 75%']));
    expect(running.some((e) => e.progress!.logs.length < running.at(-1)!.progress!.logs.length)).toBe(true);
    const pendingFirst = of(first.id).filter((e) => e.status === 'PENDING');
    expect(pendingFirst.some((e) => e.progress?.logs.includes(`Starting ${MODEL}`))).toBe(true);
    // The median of 10, 20 and 30 s; once the first succeeded (in about 4 s), that of the four: 15 s.
    for (const [id, typical] of [
      [first.id, [20]],
      [second.id, [20, 15]],
    ] as const) {
      for (const e of of(id)) {
        if (e.status === 'PENDING') expect(typical).toContain(e.progress!.elapsedSeconds + e.progress!.etaSeconds!);
        else expect(e).toMatchObject({ status: 'SUCCEEDED', progress: null });
      }
    }
    // The poller pushes only what changed: no two of its events in a row say the same of one image.
    for (const id of [first.id, second.id]) {
      const seen = of(id).filter((e) => e.progress?.queuePosition != null || e.progress?.startedAt);
      for (let i = 1; i < seen.length; i++) expect(sameProgress(seen[i - 1]!, seen[i]!)).toBe(false);
    }
    expect(await app.prisma.generationProgress.count({ where: { targetId: dbId(second.id) } })).toBe(0);

    // Both successes joined the ledger: the typical duration is the median of the five.
    const durations = await app.sql<{ d: number }>(
      `SELECT extract(epoch FROM "finishedAt" - "submittedAt")::float8 AS d FROM "GenerationAttempt"
          WHERE "falModel" = $1 AND status = 'SUCCEEDED' ORDER BY d`,
      [MODEL],
    );
    expect(durations).toHaveLength(5);
    const third = (await app.gql(GENERATE, { p: projectId, prompt: 'third' }, user.token)).data.generateImage.data;
    expect(eta(third.progress)).toBe(Math.round(durations[2]!.d));
  });
});
