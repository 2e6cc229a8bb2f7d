import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, type TestApp } from './helpers.ts';

const written: string[] = [];
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(
    {},
    { logLevel: 'info', logDestination: { write: (chunk: string) => void written.push(chunk) } },
  );
  app.emulator.configure({ latencyMs: 50 });
});
afterAll(async () => {
  await app.stop();
});

describe('structured logs', () => {
  it('writes one JSON line per generation step, with the request id and the generation id', async () => {
    const { token } = await app.signUp();
    const p = (
      await app.gql(
        `mutation { createProject(input: { name: "Logs" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        token,
      )
    ).data.createProject.data.id;
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'req-logs-1' },
      body: JSON.stringify({
        query: `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "logged" }) {
          ... on MutationGenerateImageSuccess { data { id } } } }`,
        variables: { p },
      }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-logs-1');
    const id = dbId(((await res.json()) as any).data.generateImage.data.id);
    const generated = (await fetch(`${app.url}/healthz`)).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const end = Date.now() + 20_000;
    const lines = () =>
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, any>);
    // The job's last line comes after the row is final (it records the delivery as processed first).
    const finished = () => lines().some((l) => l.event === 'job.finished' && l.generationId === id);
    while (!finished() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));

    // every chunk is exactly one line of JSON
    for (const chunk of written) {
      expect(chunk.endsWith('\n') && chunk.indexOf('\n') === chunk.length - 1).toBe(true);
      expect(() => JSON.parse(chunk)).not.toThrow();
    }
    const mine = lines().filter((l) => l.generationId === id);
    for (const l of mine)
      expect(l).toMatchObject({
        level: expect.any(String),
        time: expect.any(String),
        event: expect.any(String),
        generationKind: 'IMAGE',
      });
    const events = mine.map((l) => l.event);
    for (const e of [
      'generation.created',
      'generation.submitted',
      'webhook.received',
      'webhook.verified',
      'webhook.accepted',
      'job.started',
      'generation.stored',
      'generation.succeeded',
      'job.finished',
    ]) {
      expect(events, e).toContain(e);
    }
    // the mutation's own steps carry the request that caused them
    for (const e of ['generation.created', 'generation.submitted'])
      expect(mine.find((l) => l.event === e)?.requestId).toBe('req-logs-1');
    const submitted = mine.find((l) => l.event === 'generation.submitted')!;
    expect(submitted).toMatchObject({
      falModel: 'fal-ai/flux/dev',
      falRequestId: expect.any(String),
      estimatedCostUsd: expect.any(Number),
    });
    // the webhook is another request: its own id, the same generation
    const hook = mine.find((l) => l.event === 'webhook.accepted')!;
    expect(hook.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(hook.falRequestId).toBe(submitted.falRequestId);
  });
});
