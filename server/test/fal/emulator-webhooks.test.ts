// The fal emulator's webhook behaviours (drop, failure, duplicate, retries, cancel, payload and result variants)
// through the real @fal-ai/client and the real verifier; the setup is in emulator-setup.ts.
import { describe, expect, it } from 'vitest';
import { fluxTextToImageInput, parseFluxResult, seedanceTextToVideoInput } from '../../src/fal/models.ts';
import { until } from './helpers.ts';
import { emu, fal, hooks, submit, verifier, webhookOf } from './emulator-setup.ts';

describe('webhook behaviours', () => {
  it('drop: no webhook, but status() reports COMPLETED with the payload', async () => {
    emu.configure({ webhook: 'drop' });
    const id = await submit('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'Lost webhook', aspectRatio: '1:1' }));
    await emu.jobs.get(id)!.settled;
    expect(hooks.received.filter((h) => h.requestId === id)).toEqual([]);
    const status = await fal.status('fal-ai/flux/dev', id);
    if (!status.ok || status.value.state !== 'COMPLETED') throw new Error(JSON.stringify(status));
    const parsed = parseFluxResult(status.value.payload);
    expect(parsed.ok && parsed.value.images[0]).toMatchObject({ width: 1024, height: 1024 });
  });

  it('failure: an ERROR webhook in fal shape, and status FAILED with a readable reason', async () => {
    const id = await submit(
      'fal-ai/flux/dev',
      fluxTextToImageInput({ prompt: 'Please [fail] now', aspectRatio: '1:1' }),
    );
    const body = await webhookOf(id);
    expect(body).toMatchObject({
      status: 'ERROR',
      error: 'Invalid status code: 422',
      payload: { detail: [{ loc: ['body', 'prompt'], type: 'content_policy_violation' }] },
    });
    const status = await fal.status('fal-ai/flux/dev', id);
    expect(status).toMatchObject({
      ok: true,
      value: {
        state: 'FAILED',
        error: expect.stringContaining('content checker'),
        payload: { detail: [expect.anything()] },
      },
    });

    emu.configure({ failure: 'all' });
    const other = await submit(
      'fal-ai/bytedance/seedance/v1/pro/text-to-video',
      seedanceTextToVideoInput({ prompt: 'Anything' }),
    );
    expect((await webhookOf(other)).status).toBe('ERROR');
  });

  it('duplicate: two identical, valid deliveries', async () => {
    emu.configure({ webhook: 'duplicate' });
    const id = await submit('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'Twice', aspectRatio: '16:9' }));
    const [a, b] = await hooks.waitFor(id, 2);
    expect(b!.raw.equals(a!.raw)).toBe(true);
    for (const h of [
      'x-fal-webhook-request-id',
      'x-fal-webhook-user-id',
      'x-fal-webhook-timestamp',
      'x-fal-webhook-signature',
    ]) {
      expect(b!.headers[h]).toBe(a!.headers[h]);
    }
    expect((await verifier.verify(b!.headers, b!.raw)).ok).toBe(true);
  });

  it('retries a failed delivery with backoff until the receiver accepts it', async () => {
    let answered = 0;
    hooks.respondWith = () => (++answered <= 2 ? 503 : 200);
    const calls = hooks.received.length;
    const id = await submit('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'Retry me', aspectRatio: '1:1' }));
    await webhookOf(id);
    await emu.jobs.get(id)!.settled;
    expect(hooks.received.length).toBe(calls + 1);
    const attempts = emu.deliveries.filter((d) => d.requestId === id).map((d) => [d.attempt, d.status]);
    expect(attempts).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it('the verifier refuses a tampered delivery', async () => {
    const id = await submit('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'Untouched', aspectRatio: '1:1' }));
    const [hook] = await hooks.waitFor(id);
    const tampered = Buffer.from(hook!.raw.toString().replace('"OK"', '"ERROR"'));
    expect(await verifier.verify(hook!.headers, tampered)).toMatchObject({ ok: false });
  });

  it('cancel: a queued request is removed (OK), fails, and its webhook says so', async () => {
    emu.configure({ latencyMs: 5_000 });
    const id = await submit('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'Never mind', aspectRatio: '1:1' }));
    expect(await fal.status('fal-ai/flux/dev', id)).toEqual({ ok: true, value: { state: 'IN_QUEUE' } });
    expect(await fal.cancel('fal-ai/flux/dev', id)).toEqual({ ok: true, value: { status: 'OK' } });
    expect((await webhookOf(id)).status).toBe('ERROR');
    expect(await fal.status('fal-ai/flux/dev', id)).toMatchObject({
      ok: true,
      value: { state: 'FAILED', error: expect.stringContaining('cancelled') },
    });
    expect(await fal.cancel('fal-ai/flux/dev', id)).toEqual({ ok: true, value: { status: 'ALREADY_COMPLETED' } });
  });

  it('queue: requests wait for a free worker in order, with their queue_position, and log while they run', async () => {
    emu.configure({ workers: 1, queueMs: 0, latencyMs: 1_500 });
    const input = fluxTextToImageInput({ prompt: 'In line', aspectRatio: '1:1' });
    const [first, second, third] = [
      await submit('fal-ai/flux/dev', input),
      await submit('fal-ai/flux/dev', input),
      await submit('fal-ai/flux/dev', input),
    ];
    await until(() => emu.jobs.get(first)!.state === 'IN_PROGRESS', 5_000, 'IN_PROGRESS');
    expect(await fal.progress('fal-ai/flux/dev', second)).toEqual({
      ok: true,
      value: { state: 'IN_QUEUE', queuePosition: 0 },
    });
    expect(await fal.progress('fal-ai/flux/dev', third)).toEqual({
      ok: true,
      value: { state: 'IN_QUEUE', queuePosition: 1 },
    });
    await until(() => emu.jobs.get(first)!.logs.length >= 2, 5_000, 'a progress line');
    const running = await fal.progress('fal-ai/flux/dev', first);
    expect(running).toMatchObject({ ok: true, value: { state: 'IN_PROGRESS' } });
    expect(running.ok && running.value.state === 'IN_PROGRESS' && running.value.logs.slice(0, 2)).toEqual([
      'Starting fal-ai/flux/dev',
      'Generating: 25%',
    ]);
    // Without ?logs=1 fal sends no logs.
    const plain = await fetch(`${emu.url}/fal-ai/flux/requests/${first}/status`, {
      headers: { authorization: 'Key emulator' },
    });
    expect(((await plain.json()) as { logs: unknown }).logs).toBeNull();
    // A cancelled request leaves the line: the one behind it moves up.
    expect(await fal.cancel('fal-ai/flux/dev', second)).toEqual({ ok: true, value: { status: 'OK' } });
    expect(await fal.progress('fal-ai/flux/dev', third)).toEqual({
      ok: true,
      value: { state: 'IN_QUEUE', queuePosition: 0 },
    });
    await webhookOf(third);
    expect(emu.jobs.get(third)!.startedAt!).toBeGreaterThanOrEqual(emu.jobs.get(first)!.completedAt!);
  });

  it('cancel of a running request is only requested: it may still complete, with its OK webhook', async () => {
    emu.configure({ latencyMs: 2_000 });
    const id = await submit(
      'fal-ai/flux/dev',
      fluxTextToImageInput({ prompt: 'Too late to stop', aspectRatio: '1:1' }),
    );
    await until(() => emu.jobs.get(id)!.state === 'IN_PROGRESS', 5_000, 'IN_PROGRESS');
    expect(await fal.cancel('fal-ai/flux/dev', id)).toEqual({ ok: true, value: { status: 'CANCELLATION_REQUESTED' } });
    const body = await webhookOf(id);
    expect(body.status).toBe('OK');
    expect(parseFluxResult(body.payload).ok).toBe(true);
    expect(await fal.status('fal-ai/flux/dev', id)).toMatchObject({ ok: true, value: { state: 'COMPLETED' } });

    emu.configure({ cancelRunning: 'stops' });
    const stopped = await submit('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'Stop me', aspectRatio: '1:1' }));
    await until(() => emu.jobs.get(stopped)!.state === 'IN_PROGRESS', 5_000, 'IN_PROGRESS');
    expect(await fal.cancel('fal-ai/flux/dev', stopped)).toEqual({
      ok: true,
      value: { status: 'CANCELLATION_REQUESTED' },
    });
    expect((await webhookOf(stopped)).status).toBe('ERROR');
  });

  it("webhookPayload 'payload_error': OK with payload null and payload_error, the result still queued", async () => {
    emu.configure({ webhookPayload: 'payload_error' });
    const id = await submit(
      'fal-ai/flux/dev',
      fluxTextToImageInput({ prompt: 'Too big for the body', aspectRatio: '1:1' }),
    );
    const body = await webhookOf(id);
    expect(body).toMatchObject({ status: 'OK', payload: null, payload_error: expect.any(String) });
    const result = await fal.result('fal-ai/flux/dev', id);
    if (!result.ok || result.value.state !== 'COMPLETED') throw new Error(JSON.stringify(result));
    expect(parseFluxResult(result.value.payload)).toMatchObject({
      ok: true,
      value: { images: [{ url: expect.stringContaining('/files/') }] },
    });
  });

  it("resultFields 'required': images with only a url, which our parser accepts", async () => {
    emu.configure({ resultFields: 'required' });
    const id = await submit('fal-ai/flux/dev', fluxTextToImageInput({ prompt: 'Bare result', aspectRatio: '1:1' }));
    const body = await webhookOf(id);
    expect(body.payload).toEqual({ images: [{ url: expect.any(String) }] });
    expect(parseFluxResult(body.payload)).toMatchObject({
      ok: true,
      value: { images: [{ url: expect.any(String) }], nsfw: [false] },
    });
  });
});
