// The fal emulator: a local HTTP server speaking fal's queue and storage protocols as @fal-ai/client 1.10
// calls them, producing real media and signed webhooks. Used when FAL_KEY is unset, and by tests.
//   POST {endpoint}?fal_webhook=…             submit           GET  {owner}/{alias}/requests/{id}/status
//   GET  {owner}/{alias}/requests/{id}        result           PUT  {owner}/{alias}/requests/{id}/cancel
//   POST /storage/upload/initiate             → upload_url (PUT here) + file_url (/files/…)
//   GET  /.well-known/jwks.json   GET|POST /_emulator/config   GET /_emulator/state
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, readBody, readJson } from './emulator-http.ts';
import { validateInput, endpointSchemas } from './emulator-inputs.ts';
import { createFileStore, extensionFor } from './emulator-files.ts';
import {
  createJobEngine,
  DEFAULT_EMULATOR_CONFIG,
  emulatorConfigSchema,
  type EmulatedJob,
  type FalEmulatorConfig,
} from './emulator-jobs.ts';
import { createWebhookSigner, type Delivery } from './emulator-webhooks.ts';
import { isFalModel } from './models.ts';

export type { FalEmulatorConfig, EmulatedJob } from './emulator-jobs.ts';
export type { Delivery } from './emulator-webhooks.ts';
export type { FalEmulator, FalEmulatorOptions, RequestLogEntry } from './emulator-types.ts';
import type { FalEmulator, FalEmulatorOptions, RequestLogEntry } from './emulator-types.ts';

const LOG_CAP = 1000;
const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

const push = <T>(log: T[], entry: T) => {
  log.push(entry);
  if (log.length > LOG_CAP) log.splice(0, log.length - LOG_CAP);
};

export async function startFalEmulator(opts: FalEmulatorOptions = {}): Promise<FalEmulator> {
  const {
    port = 0,
    host = '127.0.0.1',
    publicUrl,
    userId = 'fal-emulator-user',
    maxStoredBytes = 512 * 1024 * 1024,
    ...overrides
  } = opts;
  let config = emulatorConfigSchema.parse({ ...DEFAULT_EMULATOR_CONFIG, ...overrides });
  const requests: RequestLogEntry[] = [];
  const deliveries: Delivery[] = [];
  const signer = createWebhookSigner(userId);
  const files = createFileStore({ maxBytes: maxStoredBytes, ttlMs: () => config.fileTtlMs });
  const uploads = new Map<string, { name: string; contentType: string }>();
  const counts = { submissions: 0, uploads: 0 };
  const stopping = new AbortController();
  let origin = '';
  const fileUrl = (name: string) => `${origin}/files/${name}`;
  const engine = createJobEngine({
    config: () => config,
    signer,
    store: (f) => fileUrl(files.put(f.data, f.contentType, f.ext)),
    logDelivery: (d) => push(deliveries, d),
    signal: stopping.signal,
  });

  const configure = (partial: Partial<FalEmulatorConfig>) =>
    (config = emulatorConfigSchema.parse({ ...config, ...partial }));

  function requireKey(req: IncomingMessage) {
    if (!/^Key \S+/.test(req.headers.authorization ?? ''))
      throw new HttpError(401, { detail: 'No credentials provided. Use the Authorization: Key <key> header.' });
  }

  function queueUrls(job: EmulatedJob) {
    // Status and result live under owner/alias only: the client drops the endpoint's sub-path.
    const app = job.endpoint.split('/').slice(0, 2).join('/');
    const base = `${origin}/${app}/requests/${job.requestId}`;
    return {
      request_id: job.requestId,
      response_url: base,
      status_url: `${base}/status`,
      cancel_url: `${base}/cancel`,
    };
  }

  function findJob(prefix: string, requestId: string): EmulatedJob {
    const job = engine.jobs.get(requestId);
    if (!job || !(job.endpoint === prefix || job.endpoint.startsWith(`${prefix}/`))) {
      throw new HttpError(404, { detail: `Request ${requestId} not found` });
    }
    return job;
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    log: RequestLogEntry,
  ): Promise<[number, unknown, Record<string, string>?]> {
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);

    if (path === '/.well-known/jwks.json' && method === 'GET') return [200, signer.jwks];
    if (path === '/_emulator/config') {
      if (method === 'POST') {
        const parsed = emulatorConfigSchema.partial().safeParse(await readJson(req));
        if (!parsed.success)
          return [400, { detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }];
        return [200, configure(parsed.data)];
      }
      return [200, config];
    }
    if (path === '/_emulator/state' && method === 'GET') {
      const jobs = [...engine.jobs.values()].map(({ settled: _, ...job }) => job);
      return [200, { config, jobs, requests, deliveries }];
    }

    const file = /^\/files\/([\w.-]+)$/.exec(path);
    if (file && (method === 'GET' || method === 'HEAD')) {
      const stored = files.get(file[1]!);
      if (!stored) return [404, { detail: 'File not found or expired' }];
      if (config.fileDelayMs)
        await sleep(config.fileDelayMs, undefined, { signal: stopping.signal }).catch(() => undefined);
      if (res.destroyed) return [200, undefined];
      res.writeHead(200, {
        'content-type': stored.contentType,
        'content-length': stored.data.length,
        'cache-control': 'public, max-age=3600',
      });
      res.end(method === 'HEAD' ? undefined : stored.data);
      return [200, undefined];
    }

    if (path === '/storage/upload/initiate' && method === 'POST') {
      requireKey(req);
      const body = (await readJson(req)) as { content_type?: unknown; file_name?: unknown };
      if (typeof body.content_type !== 'string' || !body.content_type.includes('/')) {
        return [422, { detail: [{ loc: ['body', 'content_type'], msg: 'Field required', type: 'missing' }] }];
      }
      const name = files.reserve(
        extensionFor(body.content_type, typeof body.file_name === 'string' ? body.file_name : undefined),
      );
      const token = randomUUID();
      uploads.set(token, { name, contentType: body.content_type });
      return [200, { upload_url: `${origin}/_upload/${token}`, file_url: fileUrl(name) }];
    }
    const upload = /^\/_upload\/([\w-]+)$/.exec(path);
    if (upload && method === 'PUT') {
      const pending = uploads.get(upload[1]!);
      if (!pending) return [403, { detail: 'Upload URL unknown or already used' }];
      const data = await readBody(req, UPLOAD_MAX_BYTES);
      uploads.delete(upload[1]!);
      files.putAt(pending.name, data, pending.contentType);
      counts.uploads++;
      return [200, undefined];
    }

    const queue = /^\/(.+)\/requests\/([\w-]+)(\/status|\/cancel)?$/.exec(path);
    if (queue) {
      requireKey(req);
      const [, prefix, requestId, action] = queue as unknown as [string, string, string, string | undefined];
      log.requestId = requestId;
      const job = findJob(prefix, requestId);
      const headers = { 'x-fal-request-id': job.requestId };
      if (action === '/status' && method === 'GET') {
        const urls = queueUrls(job);
        const logs = url.searchParams.get('logs') === '1' ? job.logs : null;
        if (job.state === 'IN_QUEUE')
          return [200, { status: 'IN_QUEUE', queue_position: engine.position(job), ...urls }, headers];
        if (job.state === 'IN_PROGRESS') return [200, { status: 'IN_PROGRESS', logs, ...urls }, headers];
        const o = job.outcome!;
        const metrics = { inference_time: ((job.completedAt ?? job.submittedAt) - job.submittedAt) / 1000 };
        return [
          200,
          {
            status: 'COMPLETED',
            logs,
            metrics,
            ...urls,
            ...(o.ok ? {} : { error: o.error, error_type: o.errorType }),
          },
          headers,
        ];
      }
      if (action === '/cancel' && method === 'PUT') {
        const answer = engine.cancel(job);
        return [answer === 'OK' ? 200 : answer === 'CANCELLATION_REQUESTED' ? 202 : 400, { status: answer }, headers];
      }
      if (!action && method === 'GET') {
        if (job.state !== 'COMPLETED') return [400, { detail: 'Request is still in progress' }, headers];
        const o = job.outcome!;
        return o.ok
          ? [200, o.payload, headers]
          : [o.status, { detail: o.detail }, { ...headers, 'x-fal-error-type': o.errorType }];
      }
      return [405, { detail: 'Method Not Allowed' }];
    }

    if (method === 'POST') {
      requireKey(req);
      const endpoint = path.replace(/^\/+|\/+$/g, '');
      if (!isFalModel(endpoint) || !(endpoint in endpointSchemas))
        return [404, { detail: `Application '${endpoint}' not found` }];
      const webhookUrl = url.searchParams.get('fal_webhook') ?? undefined;
      if (webhookUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(webhookUrl)) {
        return [
          422,
          { detail: [{ loc: ['query', 'fal_webhook'], msg: 'Input should be a valid URL', type: 'url_parsing' }] },
        ];
      }
      const body = await readJson(req);
      const checked = validateInput(endpoint, body);
      if (!checked.ok && config.validation === 'submit') return [422, { detail: checked.detail }];
      const job = engine.submit(endpoint, body as Record<string, unknown>, checked, webhookUrl);
      counts.submissions++;
      log.requestId = job.requestId;
      return [
        200,
        {
          status: 'IN_QUEUE',
          ...queueUrls(job),
          gateway_request_id: job.requestId,
          queue_position: engine.position(job),
        },
        { 'x-fal-request-id': job.requestId },
      ];
    }
    return [404, { detail: 'Not Found' }];
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const log: RequestLogEntry = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      status: 0,
    };
    res.on('finish', () => {
      log.status = res.statusCode;
      push(requests, log);
    });
    void route(req, res, url, log)
      .catch((e: unknown): [number, unknown] =>
        e instanceof HttpError
          ? [e.status, e.body]
          : [500, { detail: `Internal Server Error: ${(e as Error).message}` }],
      )
      .then(([status, body, headers]: [number, unknown, Record<string, string>?]) => {
        if (res.headersSent) return;
        const json = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, {
          ...(json ? { 'content-type': 'application/json' } : {}),
          'content-length': Buffer.byteLength(json),
          ...headers,
        });
        res.end(json);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = (publicUrl ?? `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${address.port}`).replace(
    /\/+$/,
    '',
  );

  return {
    url: origin,
    jwksUrl: `${origin}/.well-known/jwks.json`,
    userId,
    get config() {
      return config;
    },
    configure,
    jobs: engine.jobs,
    requests,
    counts: () => ({ ...counts }),
    deliveries,
    signWebhook: (requestId, body, timestampSeconds) => signer.headers(requestId, body, timestampSeconds),
    async stop() {
      stopping.abort();
      engine.stop();
      files.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
