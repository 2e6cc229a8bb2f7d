// GET /metrics in Prometheus text format, through prom-client: one Registry per app (built by startHttp, never
// module-global), with Node's default process metrics beside ours. Generation counts and fal latency come from
// the database at each scrape (so every instance reports the same truth); webhook outcomes are this instance's
// counters.
import { collectDefaultMetrics, Counter, Gauge, Registry, Summary } from 'prom-client';
import type { PrismaClient } from '../db.ts';
import type { Jobs } from '../jobs/runner.ts';
import type { WebhookStats } from './webhooks.ts';

type Snapshot = Awaited<ReturnType<typeof load>>;
const LATENCY = 'better_ads_fal_latency_seconds';

async function load(db: PrismaClient, jobs: Jobs) {
  const generations = await db.$queryRaw<{ kind: string; model: string; status: string; n: number }[]>`
    SELECT 'avatar' AS kind, coalesce("falModel", 'none') AS model, status::text AS status, count(*)::int AS n
      FROM "Avatar" GROUP BY 1, 2, 3
    UNION ALL SELECT 'image', coalesce("falModel", 'upload'), status::text, count(*)::int FROM "Image" GROUP BY 1, 2, 3
    UNION ALL SELECT 'b_roll', coalesce("falModel", 'none'), status::text, count(*)::int FROM "BRoll" GROUP BY 1, 2, 3`;
  const latency = await db.$queryRaw<
    { model: string; n: number; sum: number; p50: number | null; p99: number | null }[]
  >`
    WITH d AS (
      SELECT "falModel" AS model, extract(epoch FROM "finishedAt" - "submittedAt") AS s FROM "Avatar"
        WHERE "submittedAt" IS NOT NULL AND "finishedAt" IS NOT NULL AND "falModel" IS NOT NULL
      UNION ALL SELECT "falModel", extract(epoch FROM "finishedAt" - "submittedAt") FROM "Image"
        WHERE "submittedAt" IS NOT NULL AND "finishedAt" IS NOT NULL AND "falModel" IS NOT NULL
      UNION ALL SELECT "falModel", extract(epoch FROM "finishedAt" - "submittedAt") FROM "BRoll"
        WHERE "submittedAt" IS NOT NULL AND "finishedAt" IS NOT NULL AND "falModel" IS NOT NULL)
    SELECT model, count(*)::int AS n, sum(s)::float8 AS sum,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::float8 AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY s)::float8 AS p99
      FROM d GROUP BY model`;
  // From the ledger, which keeps deleted generations: these only grow (unless a user is deleted).
  const attempts = await db.$queryRaw<
    { kind: string; n: number }[]
  >`SELECT lower(kind) AS kind, count(*)::int AS n FROM "GenerationAttempt" GROUP BY 1`;
  const costs = await db.$queryRaw<{ model: string; usd: number }[]>`
    SELECT "falModel" AS model, sum("estimatedCostUsd")::float8 AS usd FROM "GenerationAttempt"
      WHERE status = 'SUCCEEDED' AND "falModel" IS NOT NULL GROUP BY 1`;
  return { generations, latency, attempts, costs, queue: await jobs.queueStats() };
}

/** fal latency quantiles computed by PostgreSQL over every generation, not observed by this instance. */
class LatencySummary extends Summary<'model' | 'quantile'> {
  constructor(
    registry: Registry,
    private readonly latest: () => Snapshot | undefined,
  ) {
    super({ name: LATENCY, help: 'Time from submit to result, per fal model.', registers: [registry] });
  }

  override async get() {
    const values = (this.latest()?.latency ?? []).flatMap((l) => [
      { labels: { model: l.model, quantile: 0.5 }, value: l.p50 ?? 0, metricName: LATENCY },
      { labels: { model: l.model, quantile: 0.99 }, value: l.p99 ?? 0, metricName: LATENCY },
      { labels: { model: l.model }, value: l.sum, metricName: `${LATENCY}_sum` },
      { labels: { model: l.model }, value: l.n, metricName: `${LATENCY}_count` },
    ]);
    return { ...(await super.get()), values };
  }
}

export interface Metrics {
  contentType: string;
  render(): Promise<string>;
}

/** This app's registry: the default process metrics and the Better Ads series (names kept from before). */
export function createMetrics(db: PrismaClient, webhooks: WebhookStats, jobs: Jobs): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Read by every collect() of one scrape: render() loads it, then asks the registry at once.
  let latest: Snapshot | undefined;
  const registers = [registry];
  new Gauge({
    name: 'better_ads_generations',
    help: 'Generations by kind, fal model and status.',
    labelNames: ['kind', 'model', 'status'],
    registers,
    collect() {
      this.reset();
      for (const g of latest?.generations ?? []) this.set({ kind: g.kind, model: g.model, status: g.status }, g.n);
    },
  });
  new LatencySummary(registry, () => latest);
  new Counter({
    name: 'better_ads_webhooks_total',
    help: 'fal webhooks received by this instance, by outcome.',
    labelNames: ['outcome'],
    registers,
    collect() {
      this.reset();
      for (const o of ['accepted', 'rejected', 'duplicate'] as const) this.inc({ outcome: o }, webhooks[o]);
    },
  });
  new Counter({
    name: 'better_ads_generation_attempts_total',
    help: 'Generations started (retries included, deleted ones kept), by kind.',
    labelNames: ['kind'],
    registers,
    collect() {
      this.reset();
      for (const a of latest?.attempts ?? []) this.inc({ kind: a.kind === 'broll' ? 'b_roll' : a.kind }, a.n);
    },
  });
  new Counter({
    name: 'better_ads_generation_cost_usd_total',
    help: 'Estimated USD of SUCCEEDED generations, by fal model.',
    labelNames: ['model'],
    registers,
    collect() {
      this.reset();
      for (const c of latest?.costs ?? []) this.inc({ model: c.model }, c.usd);
    },
  });
  new Gauge({
    name: 'better_ads_job_queue_depth',
    help: 'Jobs waiting (created or retry) per queue.',
    labelNames: ['queue'],
    registers,
    collect() {
      this.reset();
      for (const q of latest?.queue ?? []) this.set({ queue: q.name }, q.waiting);
    },
  });
  new Gauge({
    name: 'better_ads_job_retries',
    help: 'Jobs waiting for a retry after a failure, per queue.',
    labelNames: ['queue'],
    registers,
    collect() {
      this.reset();
      for (const q of latest?.queue ?? []) this.set({ queue: q.name }, q.retrying);
    },
  });
  return {
    contentType: registry.contentType,
    async render() {
      latest = await load(db, jobs);
      return registry.metrics();
    },
  };
}
