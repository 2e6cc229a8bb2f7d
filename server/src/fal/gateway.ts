// The only door the app uses to reach fal. Every call has a deadline and answers a FalResult instead of
// throwing, so callers decide between "retry later" (transient, timeout) and "give up" (rejected).
import { ApiError, createFalClient, type RequestMiddleware } from '@fal-ai/client';
import type { FalModel } from './models.ts';

export type { FalModel } from './models.ts';

export type FalResult<T> = { ok: true; value: T } | { ok: false; error: FalError };

/** transient = 429/5xx/network: retry later; rejected = 4xx input problem: do not retry; timeout: no answer in time. */
export interface FalError {
  kind: 'transient' | 'rejected' | 'timeout';
  status?: number;
  message: string;
}

export type FalStatus =
  | { state: 'IN_QUEUE' | 'IN_PROGRESS' }
  | { state: 'COMPLETED'; payload: unknown }
  | { state: 'FAILED'; error: string; payload?: unknown };

/** A request as it stands, for progress: its place in the queue (0 = next), or its logs once it runs. */
export type FalProgress =
  | { state: 'IN_QUEUE'; queuePosition: number | null }
  | { state: 'IN_PROGRESS'; logs: string[] }
  | { state: 'COMPLETED' };

export type FalCancelStatus = 'OK' | 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED';

export interface FalGateway {
  submit(
    model: FalModel,
    input: Record<string, unknown>,
    webhookUrl: string,
  ): Promise<FalResult<{ requestId: string }>>;
  /** For the reconciler: COMPLETED carries the result payload, FAILED the error and its details. */
  status(model: FalModel, requestId: string): Promise<FalResult<FalStatus>>;
  /** The queue status with its logs (`?logs=1`), without fetching any result. */
  progress(model: FalModel, requestId: string): Promise<FalResult<FalProgress>>;
  /** The result of a request fal reported done (e.g. by a webhook whose payload it could not inline). */
  result(model: FalModel, requestId: string): Promise<FalResult<Extract<FalStatus, { state: 'COMPLETED' | 'FAILED' }>>>;
  /**
   * Best effort, as at fal: a queued request is removed (`OK`); a running one is only signalled
   * (`CANCELLATION_REQUESTED`) and may still complete, be billed and send its OK webhook.
   */
  cancel(model: FalModel, requestId: string): Promise<FalResult<{ status: FalCancelStatus }>>;
  /** Uploads to fal storage, for inputs fal must fetch itself. */
  uploadFile(data: Buffer, contentType: string): Promise<FalResult<{ url: string }>>;
}

export interface FalGatewayOptions {
  credentials: string;
  /** Emulator origin: every *.fal.run / *.fal.ai request is sent there instead. */
  baseUrl?: string;
  /** Deadline of one gateway call, the client's own retries included. Default 30 s. */
  timeoutMs?: number;
}

const FAL_HOST = /(^|\.)fal\.(run|ai)$/;

/** Rewrites fal hosts to `baseUrl`, keeping path and query (the emulator tells hosts apart by path). */
export function rewriteToBaseUrl(baseUrl: string): RequestMiddleware {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return async (request) => {
    const url = new URL(request.url);
    if (!FAL_HOST.test(url.hostname)) return request;
    return { ...request, url: `${base.origin}${prefix}${url.pathname}${url.search}` };
  };
}

class DeadlineError extends Error {
  override name = 'TimeoutError';
}

function describeApiError(e: ApiError<unknown>): string {
  const body = e.body as { detail?: unknown } | undefined;
  const detail = body?.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    const parts = detail.map((d: { loc?: unknown[]; msg?: string } | null | undefined) => {
      const loc = Array.isArray(d?.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
      return loc ? `${loc}: ${d?.msg ?? 'invalid'}` : (d?.msg ?? 'invalid');
    });
    if (parts.length) return parts.join('; ');
  }
  return e.message || `HTTP ${e.status}`;
}

const isTransientStatus = (status: number) => status === 408 || status === 429 || status >= 500;

export function toFalError(e: unknown): FalError {
  if (e instanceof ApiError) {
    if (e.isUserTimeout) return { kind: 'timeout', status: e.status, message: describeApiError(e) };
    return {
      kind: isTransientStatus(e.status) ? 'transient' : 'rejected',
      status: e.status,
      message: describeApiError(e),
    };
  }
  const err = e as { name?: string; message?: string; cause?: { message?: string } } | undefined;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return { kind: 'timeout', message: err.message || 'fal did not answer in time' };
  }
  const cause = err?.cause?.message ? ` (${err.cause.message})` : '';
  return { kind: 'transient', message: `${err?.message ?? String(e)}${cause}` };
}

export function createFalGateway(opts: FalGatewayOptions): FalGateway {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  // storage.upload's PUT takes no abort signal: a per-request timeout in fetch bounds it too.
  const timedFetch: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
  const client = createFalClient({
    credentials: opts.credentials,
    fetch: timedFetch,
    ...(opts.baseUrl ? { requestMiddleware: rewriteToBaseUrl(opts.baseUrl) } : {}),
  });

  /** Runs `op` under one deadline; the client's backoff sleeps are not abortable, hence the race. */
  async function guarded<T>(what: string, op: (signal: AbortSignal) => Promise<T>): Promise<FalResult<T>> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new DeadlineError(`fal ${what}: no answer within ${timeoutMs} ms`);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return { ok: true, value: await Promise.race([op(controller.signal), deadline]) };
    } catch (e) {
      const error = toFalError(e);
      return { ok: false, error: { ...error, message: `fal ${what}: ${error.message}` } };
    } finally {
      clearTimeout(timer);
    }
  }

  /** GET of the request's response: the payload, or (an HTTP error for a failed request) its reason. */
  async function resultOf(
    model: FalModel,
    requestId: string,
    abortSignal: AbortSignal,
  ): Promise<Extract<FalStatus, { state: 'COMPLETED' | 'FAILED' }>> {
    try {
      const result = await client.queue.result(model, { requestId, abortSignal });
      return { state: 'COMPLETED', payload: result.data };
    } catch (e) {
      // A failed request answers its own status (422, 500…); only these say the queue itself had trouble.
      if (!(e instanceof ApiError) || e.status === 429 || e.status === 502 || e.status === 503 || e.status === 504)
        throw e;
      // The result's details ("prompt: field required") read better than the status' "Invalid status code: 422".
      return { state: 'FAILED', error: describeApiError(e), payload: e.body };
    }
  }

  return {
    submit: (model, input, webhookUrl) =>
      guarded(`submit ${model}`, async (abortSignal) => {
        // As a plain string, not the model's literal: fal's typed overload for a known endpoint wants its own input
        // type, and the input here is the one our models.ts validated.
        const endpoint: string = model;
        const { request_id } = await client.queue.submit(endpoint, { input, webhookUrl, abortSignal });
        if (typeof request_id !== 'string' || !request_id) throw new Error('fal answered without a request id');
        return { requestId: request_id };
      }),

    status: (model, requestId) =>
      guarded(`status ${model} ${requestId}`, async (abortSignal): Promise<FalStatus> => {
        const status = (await client.queue.status(model, { requestId, logs: false, abortSignal })) as {
          status: string;
          error?: unknown;
        };
        if (status.status === 'IN_QUEUE' || status.status === 'IN_PROGRESS') return { state: status.status };
        if (status.status !== 'COMPLETED') throw new Error(`unknown fal queue status ${JSON.stringify(status.status)}`);
        const done = await resultOf(model, requestId, abortSignal);
        // fal reports a failed request as COMPLETED (with `error` on newer queues).
        if (done.state === 'COMPLETED' && status.error)
          // fal's `error` is a string; anything else still prints.
          // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see the line above
          return { state: 'FAILED', error: String(status.error), payload: done.payload };
        return done;
      }),

    progress: (model, requestId) =>
      guarded(`status ${model} ${requestId}`, async (abortSignal): Promise<FalProgress> => {
        const status = (await client.queue.status(model, { requestId, logs: true, abortSignal })) as {
          status: string;
          queue_position?: unknown;
          logs?: { message?: unknown }[] | null;
        };
        if (status.status === 'IN_QUEUE') {
          const position = status.queue_position;
          return { state: 'IN_QUEUE', queuePosition: typeof position === 'number' ? position : null };
        }
        if (status.status === 'IN_PROGRESS') {
          const logs = (status.logs ?? []).map((l) => l.message).filter((m): m is string => typeof m === 'string');
          return { state: 'IN_PROGRESS', logs };
        }
        return { state: 'COMPLETED' };
      }),

    result: (model, requestId) =>
      guarded(`result ${model} ${requestId}`, (abortSignal) => resultOf(model, requestId, abortSignal)),

    cancel: (model, requestId) =>
      guarded(`cancel ${model} ${requestId}`, async (abortSignal) => {
        // By hand: the client's queue.cancel drops fal's answer, which says whether the request may still run.
        const app = model.split('/').slice(0, 2).join('/');
        let url = `https://queue.fal.run/${app}/requests/${encodeURIComponent(requestId)}/cancel`;
        if (opts.baseUrl) url = (await rewriteToBaseUrl(opts.baseUrl)({ method: 'PUT', url })).url;
        const res = await timedFetch(url, {
          method: 'PUT',
          headers: { authorization: `Key ${opts.credentials}`, accept: 'application/json' },
          signal: abortSignal,
        });
        const body = (await res.json().catch(() => undefined)) as { status?: unknown } | undefined;
        if (body?.status === 'ALREADY_COMPLETED') return { status: 'ALREADY_COMPLETED' as const };
        if (!res.ok) throw new ApiError({ message: res.statusText || `HTTP ${res.status}`, status: res.status, body });
        return {
          status: body?.status === 'CANCELLATION_REQUESTED' ? ('CANCELLATION_REQUESTED' as const) : ('OK' as const),
        };
      }),

    uploadFile: (data, contentType) =>
      guarded('upload', async () => {
        // The client derives the file extension from the part after '/', and crashes without one.
        if (!/^[\w.+-]+\/[\w.+-]+/.test(contentType)) {
          throw new ApiError({ message: `invalid content type ${JSON.stringify(contentType)}`, status: 400 });
        }
        const url = await client.storage.upload(new Blob([new Uint8Array(data)], { type: contentType }));
        return { url };
      }),
  };
}
