// GET /metrics in Prometheus text format. Generation counts and fal latency come from the database (so
// every instance reports the same truth); webhook outcomes are this instance's counters.
import type { PrismaClient } from '../db.ts';
import type { Jobs } from '../jobs/runner.ts';
import type { WebhookStats } from './webhooks.ts';

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const line = (name: string, labels: Record<string, string>, value: number) =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(',')}} ${value}`;

export async function renderMetrics(db: PrismaClient, webhooks: WebhookStats, jobs: Jobs): Promise<string> {
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
  const queue = await jobs.queueStats();
  const out = [
    '# HELP better_ads_generations Generations by kind, fal model and status.',
    '# TYPE better_ads_generations gauge',
    ...generations.map((g) => line('better_ads_generations', { kind: g.kind, model: g.model, status: g.status }, g.n)),
    '# HELP better_ads_fal_latency_seconds Time from submit to result, per fal model.',
    '# TYPE better_ads_fal_latency_seconds summary',
    ...latency.flatMap((l) => [
      line('better_ads_fal_latency_seconds', { model: l.model, quantile: '0.5' }, l.p50 ?? 0),
      line('better_ads_fal_latency_seconds', { model: l.model, quantile: '0.99' }, l.p99 ?? 0),
      line('better_ads_fal_latency_seconds_sum', { model: l.model }, l.sum),
      line('better_ads_fal_latency_seconds_count', { model: l.model }, l.n),
    ]),
    '# HELP better_ads_webhooks_total fal webhooks received by this instance, by outcome.',
    '# TYPE better_ads_webhooks_total counter',
    ...(['accepted', 'rejected', 'duplicate'] as const).map((o) =>
      line('better_ads_webhooks_total', { outcome: o }, webhooks[o]),
    ),
    '# HELP better_ads_generation_attempts_total Generations started (retries included, deleted ones kept), by kind.',
    '# TYPE better_ads_generation_attempts_total counter',
    ...attempts.map((a) =>
      line('better_ads_generation_attempts_total', { kind: a.kind === 'broll' ? 'b_roll' : a.kind }, a.n),
    ),
    '# HELP better_ads_generation_cost_usd_total Estimated USD of SUCCEEDED generations, by fal model.',
    '# TYPE better_ads_generation_cost_usd_total counter',
    ...costs.map((c) => line('better_ads_generation_cost_usd_total', { model: c.model }, c.usd)),
    '# HELP better_ads_job_queue_depth Jobs waiting (created or retry) per queue.',
    '# TYPE better_ads_job_queue_depth gauge',
    ...queue.map((q) => line('better_ads_job_queue_depth', { queue: q.name }, q.waiting)),
    '# HELP better_ads_job_retries Jobs waiting for a retry after a failure, per queue.',
    '# TYPE better_ads_job_retries gauge',
    ...queue.map((q) => line('better_ads_job_retries', { queue: q.name }, q.retrying)),
  ];
  return `${out.join('\n')}\n`;
}
