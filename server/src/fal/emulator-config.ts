// What the fal emulator can be told to do (POST /_emulator/config), and its defaults.
import { z } from 'zod';

export const emulatorConfigSchema = z.strictObject({
  /** Time from submit to completion (longer if producing the media takes longer). */
  latencyMs: z.int().min(0),
  /** Time a request waits IN_QUEUE before a worker may take it (null: a fifth of latencyMs). */
  queueMs: z.int().min(0).nullable(),
  /** Requests of one endpoint IN_PROGRESS at once; the others wait IN_QUEUE, in order (null: no limit). */
  workers: z.int().min(1).nullable(),
  /** 'tagged': only requests whose prompt contains `[fail]`. */
  failure: z.enum(['none', 'all', 'tagged']),
  /** 'drop' loses the webhook (the result stays available by status/result); 'duplicate' delivers it twice. */
  webhook: z.enum(['deliver', 'drop', 'duplicate']),
  webhookDelayMs: z.int().min(0),
  webhookRetries: z.int().min(0).max(20),
  webhookRetryDelayMs: z.int().min(0),
  webhookTimeoutMs: z.int().min(1),
  /** Result videos are padded to about this many bytes (null: as encoded). */
  videoBytes: z.int().min(0).nullable(),
  /** Result videos are rendered at most this tall (fal's 1080p would be slow to encode for nothing). */
  videoHeight: z.int().min(16).max(1080),
  videoFps: z.int().min(1).max(60),
  /**
   * Where an invalid input is refused: as a failed request (ERROR webhook with `detail[]`), as fal usually does,
   * or at submit (HTTP 422).
   */
  validation: z.enum(['submit', 'queued']),
  /**
   * 'payload_error': OK webhooks carry `payload: null` and a `payload_error`, as fal sends when the result does not
   * fit the body; the queue still has it.
   */
  webhookPayload: z.enum(['inline', 'payload_error']),
  /**
   * 'required': results carry only what fal's output schemas require (`images[].url`, `video.url`), without the
   * optional width, height, content type…
   */
  resultFields: z.enum(['all', 'required']),
  /** Cancelling a running request: at fal it is only signalled, and the request may still complete (and be billed). */
  cancelRunning: z.enum(['completes', 'stops']),
  /** Stored files expire after this long, like fal's CDN URLs (null: never). */
  fileTtlMs: z.int().min(1).nullable(),
  /** A slow CDN: a stored file's bytes start this long after it is asked for. */
  fileDelayMs: z.int().min(0),
});
export type FalEmulatorConfig = z.infer<typeof emulatorConfigSchema>;

export const DEFAULT_EMULATOR_CONFIG: FalEmulatorConfig = {
  latencyMs: 500,
  queueMs: null,
  workers: null,
  failure: 'tagged',
  webhook: 'deliver',
  webhookDelayMs: 0,
  webhookRetries: 3,
  webhookRetryDelayMs: 500,
  webhookTimeoutMs: 15_000,
  videoBytes: null,
  videoHeight: 360,
  videoFps: 24,
  validation: 'queued',
  webhookPayload: 'inline',
  resultFields: 'all',
  cancelRunning: 'completes',
  fileTtlMs: null,
  fileDelayMs: 0,
};
