// /metrics through prom-client: Node's default process metrics beside the Better Ads series, one registry per
// app (two apps in one process count their own webhooks), in the Prometheus text format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, untilStatus } from './helpers.ts';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { shareWith: a });
});
afterAll(async () => {
  await b.stop();
  await a.stop();
});

async function scrape(app: TestApp) {
  const res = await fetch(`${app.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}
const value = (text: string, series: string) =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${series} `))
      ?.split(' ')[1] ?? NaN,
  );

describe('/metrics', () => {
  it('has the default process metrics and every Better Ads series, with its HELP and TYPE', async () => {
    const text = await scrape(a);
    for (const [name, type] of [
      ['process_cpu_user_seconds_total', 'counter'],
      ['process_resident_memory_bytes', 'gauge'],
      ['nodejs_eventloop_lag_seconds', 'gauge'],
      ['nodejs_heap_size_used_bytes', 'gauge'],
      ['better_ads_generations', 'gauge'],
      ['better_ads_fal_latency_seconds', 'summary'],
      ['better_ads_webhooks_total', 'counter'],
      ['better_ads_generation_attempts_total', 'counter'],
      ['better_ads_generation_cost_usd_total', 'counter'],
      ['better_ads_job_queue_depth', 'gauge'],
      ['better_ads_job_retries', 'gauge'],
    ])
      expect(text, name).toMatch(new RegExp(`^# HELP ${name} .+\\n# TYPE ${name} ${type}$`, 'm'));
    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Queues come from pg-boss: one line per queue, the same queues on both instances.
    const queues = (t: string) => t.split('\n').filter((l) => l.startsWith('better_ads_job_queue_depth{')).length;
    expect(queues(text)).toBeGreaterThan(0);
    expect(queues(await scrape(b))).toBe(queues(text));
  });

  it("counts each app's own webhooks in its own registry", async () => {
    const rejected = 'better_ads_webhooks_total{outcome="rejected"}';
    const [beforeA, beforeB] = [value(await scrape(a), rejected), value(await scrape(b), rejected)];
    expect(beforeA).toBe(0);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${a.url}/webhooks/fal`, { method: 'POST', body: '{"status":"OK"}' });
      expect(res.status).toBe(401);
    }
    expect(value(await scrape(a), rejected)).toBe(beforeA + 2);
    expect(value(await scrape(a), rejected)).toBe(a.app.webhookStats.rejected);
    expect(value(await scrape(b), rejected)).toBe(beforeB);
  });

  it('reports fal latency quantiles, sum and count per model from the generations in the database', async () => {
    const { token } = await a.signUp();
    const project = await a.gql(
      `mutation { createProject(input: { name: "Metrics" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      token,
    );
    const image = await a.gql(
      `mutation($input: GenerateImageInput!) { generateImage(input: $input) {
        ... on MutationGenerateImageSuccess { data { id } } } }`,
      { input: { projectId: project.data.createProject.data.id, prompt: 'a lighthouse' } },
      token,
    );
    await untilStatus(a, token, image.data.generateImage.data.id);
    const [row] = await a.sql(`SELECT "falModel" AS model FROM "Image" WHERE "finishedAt" IS NOT NULL`);
    const model = row.model as string;
    // Read from the shared database, B reports it too, though A ran it.
    const text = await scrape(b);
    const p50 = value(text, `better_ads_fal_latency_seconds{model="${model}",quantile="0.5"}`);
    expect(p50).toBeGreaterThan(0);
    expect(value(text, `better_ads_fal_latency_seconds{model="${model}",quantile="0.99"}`)).toBeGreaterThanOrEqual(p50);
    expect(value(text, `better_ads_fal_latency_seconds_sum{model="${model}"}`)).toBeCloseTo(p50, 6);
    expect(value(text, `better_ads_fal_latency_seconds_count{model="${model}"}`)).toBe(1);
    expect(value(text, 'better_ads_generation_attempts_total{kind="image"}')).toBe(1);
  });
});
