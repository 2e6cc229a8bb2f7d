// What the fal emulator is and accepts (emulator.ts starts it).
import type { EmulatedJob, FalEmulatorConfig } from './emulator-jobs.ts';
import type { Delivery } from './emulator-webhooks.ts';

export interface FalEmulatorOptions extends Partial<FalEmulatorConfig> {
  port?: number;
  host?: string;
  /** Origin put in the URLs the emulator hands out; default `http://{host}:{port}`. */
  publicUrl?: string;
  /** The fal user id sent in webhook headers. */
  userId?: string;
  /** Memory budget for stored results and uploads; the oldest go first. Default 512 MB. */
  maxStoredBytes?: number;
}

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  search: string;
  status: number;
  requestId?: string;
}

export interface FalEmulator {
  url: string;
  jwksUrl: string;
  userId: string;
  config: Readonly<FalEmulatorConfig>;
  configure(partial: Partial<FalEmulatorConfig>): FalEmulatorConfig;
  jobs: ReadonlyMap<string, EmulatedJob>;
  /** Latest HTTP requests received (capped), oldest first. */
  requests: RequestLogEntry[];
  /**
   * Since start, never capped: submissions accepted into the queue (what fal bills) and files uploaded to its
   * storage.
   */
  counts(): { submissions: number; uploads: number };
  /** Latest webhook delivery attempts (capped), oldest first. */
  deliveries: Delivery[];
  /** Headers signing `body` with the emulator's key, as its deliveries are (tests forge replays and stale ones). */
  signWebhook(requestId: string, body: Buffer, timestampSeconds?: number): Record<string, string>;
  stop: () => Promise<void>;
}
