// The emulator's queue: jobs go IN_QUEUE → IN_PROGRESS → COMPLETED (success or failure, as fal reports
// both), produce real media, then fire their webhook according to the configuration of the moment they were submitted.
import { randomUUID } from 'node:crypto';
import type { FalEmulatorConfig } from './emulator-config.ts';
import type { ValidatedInput, ValidationDetail } from './emulator-inputs.ts';
import {
  fluxImageToImage,
  fluxKontext,
  fluxTextToImage,
  hasTag,
  JobError,
  seedanceImageToVideo,
  seedanceTextToVideo,
  type MediaContext,
  createRenderCache,
} from './emulator-media.ts';
import { createQueue } from './emulator-queue.ts';
import { deliverWebhook, type Delivery, type WebhookSigner } from './emulator-webhooks.ts';
import type { FalModel } from './models.ts';

export { DEFAULT_EMULATOR_CONFIG, emulatorConfigSchema, type FalEmulatorConfig } from './emulator-config.ts';

const MAX_JOBS = 10_000;

export type JobOutcome =
  | { ok: true; payload: unknown }
  | { ok: false; status: number; error: string; errorType: string; detail: ValidationDetail[] };

export interface EmulatedJob {
  requestId: string;
  endpoint: FalModel;
  /** The input as the client sent it. */
  input: Record<string, unknown>;
  webhookUrl?: string;
  state: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  submittedAt: number;
  /** When a worker took it (IN_PROGRESS). */
  startedAt?: number;
  completedAt?: number;
  /** What the worker logged, as fal's status gives it with `?logs=1`. */
  logs: QueueLog[];
  outcome?: JobOutcome;
  /** Resolves once the job is COMPLETED and its webhook deliveries are over. */
  settled: Promise<EmulatedJob>;
}

export interface QueueLog {
  message: string;
  level: 'INFO';
  source: 'USER';
  timestamp: string;
}

const producers: Record<FalModel, (input: never, ctx: MediaContext) => Promise<unknown>> = {
  'fal-ai/flux/dev': fluxTextToImage,
  'fal-ai/flux/dev/image-to-image': fluxImageToImage,
  'fal-ai/bytedance/seedance/v1/pro/image-to-video': seedanceImageToVideo,
  'fal-ai/bytedance/seedance/v1/pro/text-to-video': seedanceTextToVideo,
  'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video': seedanceImageToVideo,
  'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video': seedanceTextToVideo,
  'fal-ai/flux-pro/kontext': fluxKontext,
};

/** A result reduced to the fields fal's output schemas mark required. */
function requiredFieldsOf(payload: unknown): unknown {
  const p = payload as { images?: { url: string }[]; video?: { url: string } };
  if (Array.isArray(p.images)) return { images: p.images.map((i) => ({ url: i.url })) };
  if (p.video) return { video: { url: p.video.url } };
  return payload;
}

export interface JobEngineDeps {
  config: () => FalEmulatorConfig;
  signer: WebhookSigner;
  store: MediaContext['store'];
  logDelivery: (d: Delivery) => void;
  signal: AbortSignal;
}

export function createJobEngine(deps: JobEngineDeps) {
  const jobs = new Map<string, EmulatedJob>();
  const renders = createRenderCache();
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function failure(status: number, detail: ValidationDetail[], errorType: string): JobOutcome {
    return { ok: false, status, error: `Invalid status code: ${status}`, errorType, detail };
  }

  async function produce(job: EmulatedJob, args: Record<string, unknown>, cfg: FalEmulatorConfig): Promise<JobOutcome> {
    if (cfg.failure === 'all' || (cfg.failure === 'tagged' && hasTag(args.prompt, 'fail'))) {
      return failure(
        422,
        [
          {
            loc: ['body', 'prompt'],
            msg: 'The request was flagged by the content checker (emulated failure)',
            type: 'content_policy_violation',
          },
        ],
        'content_policy_violation',
      );
    }
    try {
      const ctx: MediaContext = {
        store: deps.store,
        videoHeight: cfg.videoHeight,
        videoFps: cfg.videoFps,
        videoBytes: cfg.videoBytes,
        renders,
      };
      const payload = await producers[job.endpoint](args as never, ctx);
      return { ok: true, payload: cfg.resultFields === 'required' ? requiredFieldsOf(payload) : payload };
    } catch (e) {
      if (e instanceof JobError) return failure(e.status, e.detail, e.errorType);
      return failure(
        500,
        [{ loc: ['body'], msg: `Internal error: ${(e as Error).message.split('\n')[0]}`, type: 'internal_error' }],
        'internal_error',
      );
    }
  }

  function webhookBody(job: EmulatedJob, cfg: FalEmulatorConfig): Buffer {
    const o = job.outcome!;
    const base = { request_id: job.requestId, gateway_request_id: job.requestId };
    if (!o.ok)
      return Buffer.from(JSON.stringify({ ...base, status: 'ERROR', error: o.error, payload: { detail: o.detail } }));
    if (cfg.webhookPayload === 'payload_error') {
      return Buffer.from(
        JSON.stringify({
          ...base,
          status: 'OK',
          payload: null,
          payload_error: 'Response payload could not be serialized to JSON (emulated)',
        }),
      );
    }
    return Buffer.from(JSON.stringify({ ...base, status: 'OK', payload: o.payload }));
  }

  async function notify(job: EmulatedJob, cfg: FalEmulatorConfig) {
    if (!job.webhookUrl || cfg.webhook === 'drop') return;
    if (cfg.webhookDelayMs > 0) await wait(cfg.webhookDelayMs);
    const body = webhookBody(job, cfg);
    const first = deps.signer.headers(job.requestId, body);
    const copies = cfg.webhook === 'duplicate' ? 2 : 1;
    for (let copy = 1; copy <= copies; copy++) {
      await deliverWebhook({
        requestId: job.requestId,
        url: job.webhookUrl,
        copy,
        body,
        // Retries are signed afresh (a stale timestamp would be refused); duplicates repeat the first bytes.
        headersFor: (attempt) => (attempt === 1 ? first : deps.signer.headers(job.requestId, body)),
        retries: cfg.webhookRetries,
        retryDelayMs: cfg.webhookRetryDelayMs,
        timeoutMs: cfg.webhookTimeoutMs,
        signal: deps.signal,
        log: deps.logDelivery,
      });
    }
  }

  const queue = createQueue(() => deps.config().workers);
  const say = (job: EmulatedJob, message: string) =>
    job.logs.push({ message, level: 'INFO', source: 'USER', timestamp: new Date().toISOString() });

  function complete(job: EmulatedJob, outcome: JobOutcome): boolean {
    if (job.state === 'COMPLETED') return false;
    queue.leave(job);
    job.state = 'COMPLETED';
    job.completedAt = Date.now();
    job.outcome = outcome;
    return true;
  }

  const cancellations = new WeakMap<EmulatedJob, Promise<void>>();

  /** The worker's time on a job: its share of latencyMs, logged in quarters. */
  async function work(job: EmulatedJob, runMs: number) {
    const startedAt = job.startedAt ?? Date.now();
    for (let quarter = 1; quarter <= 4; quarter++) {
      await wait(Math.max(0, startedAt + (runMs * quarter) / 4 - Date.now()));
      if (job.state !== 'IN_PROGRESS') return;
      say(job, `Generating: ${quarter * 25}%`);
    }
  }

  async function run(job: EmulatedJob, cfg: FalEmulatorConfig, checked: ValidatedInput) {
    const queued = cfg.queueMs ?? Math.round(cfg.latencyMs * 0.2);
    await wait(queued);
    // A cancelled request leaves the queue: acquire answers false.
    if (job.state === 'IN_QUEUE' && (await queue.acquire(job))) {
      job.state = 'IN_PROGRESS';
      job.startedAt = Date.now();
      say(job, `Starting ${job.endpoint}`);
      const outcome = checked.ok
        ? await produce(job, checked.input, cfg)
        : failure(422, checked.detail, 'validation_error');
      await work(job, Math.max(0, cfg.latencyMs - queued));
      if (complete(job, outcome)) return notify(job, cfg);
    }
    await cancellations.get(job);
  }

  return {
    jobs,
    /** Queues a job; an invalid input makes it fail as fal does when the model refuses its input. */
    submit(
      endpoint: FalModel,
      input: Record<string, unknown>,
      checked: ValidatedInput,
      webhookUrl: string | undefined,
    ): EmulatedJob {
      const cfg = deps.config();
      let resolveSettled!: (job: EmulatedJob) => void;
      const job: EmulatedJob = {
        requestId: randomUUID(),
        endpoint,
        input,
        ...(webhookUrl ? { webhookUrl } : {}),
        state: 'IN_QUEUE',
        submittedAt: Date.now(),
        logs: [],
        settled: new Promise((resolve) => (resolveSettled = resolve)),
      };
      jobs.set(job.requestId, job);
      queue.enter(job);
      // The app runs the emulator for days in embedded mode: forget the oldest finished jobs.
      if (jobs.size > MAX_JOBS) {
        for (const [id, old] of jobs) {
          if (jobs.size <= MAX_JOBS) break;
          if (old.state === 'COMPLETED') jobs.delete(id);
        }
      }
      void run(job, cfg, checked).finally(() => resolveSettled(job));
      return job;
    },
    /**
     * As fal: a queued request is removed (it fails, and its webhook says so); a running one is only
     * signalled, and by default still completes; a completed one cannot be cancelled.
     */
    cancel(job: EmulatedJob): 'OK' | 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED' {
      if (job.state === 'COMPLETED') return 'ALREADY_COMPLETED';
      const answer = job.state === 'IN_QUEUE' ? 'OK' : 'CANCELLATION_REQUESTED';
      const cfg = deps.config();
      if (answer === 'CANCELLATION_REQUESTED' && cfg.cancelRunning === 'completes') return answer;
      if (
        complete(
          job,
          failure(
            400,
            [{ loc: ['body'], msg: 'Request was cancelled by the user', type: 'request_cancelled' }],
            'request_cancelled',
          ),
        )
      ) {
        cancellations.set(job, notify(job, cfg));
      }
      return answer;
    },
    /** Requests of its endpoint ahead of it in the queue. */
    position: (job: EmulatedJob) => queue.position(job),
    stop() {
      queue.stop();
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
