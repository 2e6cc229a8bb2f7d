import type { Catalog } from '../catalog/catalog.ts';
import type { PrismaClient } from '../db.ts';
import type { Logger } from '../log.ts';
import type { FalGateway, FalModel } from '../fal/gateway.ts';
import { estimateCostUsd, parseFluxResult, parseSeedanceResult } from '../fal/models.ts';
import type { PubSub } from '../graphql/pubsub.ts';
import { keys } from '../storage/keys.ts';
import type { Storage } from '../storage/storage.ts';
import { download, DownloadError, openDownload } from './download.ts';
import { signedTargetQuery } from './webhook-target.ts';
import { inspectImage, looksLikeMp4 } from './media-check.ts';
import { extractFrameJpeg } from '../media/render.ts';
import { gen } from '../log.ts';

export type TargetKind = 'AVATAR' | 'IMAGE' | 'BROLL';
export interface Target {
  kind: TargetKind;
  id: string;
}

export interface Outcome {
  requestId: string;
  status: 'OK' | 'ERROR';
  /** null with status OK: fal could not put the result in the webhook (`payload_error`); it is fetched from the queue. */
  payload?: unknown;
  error?: string | null;
}

export interface PipelineSettings {
  /** A PENDING row older than this is asked of fal's status API (a webhook may have been lost). */
  reconcileAfterMs: number;
  /** A PENDING row older than this becomes FAILED ("timed out"). */
  imageDeadlineMs: number;
  videoDeadlineMs: number;
}

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MAX_VIDEO_BYTES = 300 * 1024 * 1024;
const NOT_MP4 = 'The generator returned something that is not an MP4 video.';

/** The three tables of generations share the columns the pipeline writes. */
type GenerationRows = { updateMany(args: { where: object; data: object }): Promise<{ count: number }> };
const rows = (db: PrismaClient, kind: TargetKind): GenerationRows =>
  (kind === 'AVATAR' ? db.avatar : kind === 'IMAGE' ? db.image : db.bRoll) as unknown as GenerationRows;

/** What never changes about an avatar and decides who hears of it. */
type AvatarPlace = { projectId: string | null; visibility: 'PUBLIC' | 'PRIVATE' };

export const parseTarget = (s: string | null | undefined): Target | null => {
  const m = /^(AVATAR|IMAGE|BROLL):([\w-]{1,64})$/.exec(s ?? '');
  return m ? { kind: m[1] as TargetKind, id: m[2]! } : null;
};

/** The model whose queue holds a row's request when the row does not say (status and result URLs only use fal's owner/app). */
const DEFAULT_MODEL: Record<TargetKind, FalModel> = {
  IMAGE: 'fal-ai/flux/dev',
  AVATAR: 'fal-ai/bytedance/seedance/v1/pro/image-to-video',
  BROLL: 'fal-ai/bytedance/seedance/v1/pro/text-to-video',
};

/** A reason a person can read, from fal's validation detail (`{ loc, msg, type }[]`) or its error string. */
export function readableFailure(outcome: Outcome): string {
  const detail = (outcome.payload as { detail?: unknown } | null | undefined)?.detail;
  const items = Array.isArray(detail) ? (detail as ({ msg?: unknown; loc?: unknown } | null)[]) : [];
  const parts = items.flatMap((d) => {
    if (typeof d?.msg !== 'string' || !d.msg) return [];
    const loc = Array.isArray(d.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
    return [loc ? `${loc}: ${d.msg}` : d.msg];
  });
  if (parts.length) return `The generator refused the request: ${parts.slice(0, 5).join('; ')}.`;
  if (typeof detail === 'string' && detail) return `The generator refused the request: ${detail}`;
  if (outcome.error) return `The generation failed: ${outcome.error}`;
  return 'The generation failed without a reason from the provider.';
}

export class Pipeline {
  constructor(
    readonly deps: { db: PrismaClient; log: Logger; catalog: Catalog; gateway: FalGateway; storage: Storage; pubsub: PubSub; publicUrl: () => string; settings: PipelineSettings; webhookSecret: string },
  ) {}

  webhookUrl(target: Target): string {
    // Our own id rides in the URL, so a webhook always finds its row, even before the request id is
    // saved; signed by us, since fal's signature does not say which account a webhook belongs to.
    return `${this.deps.publicUrl()}/webhooks/fal?${signedTargetQuery(this.deps.webhookSecret, `${target.kind}:${target.id}`)}`;
  }

  /** Submits a row already written as PENDING. A refusal marks it FAILED; a transient error leaves it to the reconciler. */
  async submit(target: Target, model: FalModel, input: Record<string, unknown>): Promise<void> {
    const result = await this.deps.gateway.submit(model, input, this.webhookUrl(target));
    if (result.ok) {
      const estimatedCostUsd = estimateCostUsd(model, input, model === 'fal-ai/flux/dev/image-to-image' ? await this.inputImageSize(target) : undefined);
      const data = { falRequestId: result.value.requestId, submittedAt: new Date(), falModel: model, estimatedCostUsd };
      await rows(this.deps.db, target.kind).updateMany({ where: { id: target.id, status: 'PENDING' }, data });
      // A very fast result may have finished the attempt already: it is still this request's.
      await this.deps.db.generationAttempt.updateMany({
        where: { kind: target.kind, targetId: target.id, submittedAt: null, OR: [{ status: 'PENDING' }, { falRequestId: result.value.requestId }] },
        data,
      });
      this.deps.log.info({ event: 'generation.submitted', ...gen(target.kind, target.id), falModel: model, falRequestId: result.value.requestId, estimatedCostUsd: Number(estimatedCostUsd) }, 'submitted to fal');
      return;
    }
    this.deps.log.warn({ event: 'generation.submit_failed', ...gen(target.kind, target.id), falModel: model, error: result.error.message }, 'fal submit failed');
    await this.finish(target, { status: 'FAILED', failureReason: `The generator could not be reached (${result.error.message}). Try again.` });
  }

  /** The size of the image an edit starts from (fal bills image-to-image on it); undefined when unknown. */
  private async inputImageSize(target: Target): Promise<{ width: number; height: number } | undefined> {
    if (target.kind !== 'IMAGE') return undefined;
    const edit = await this.deps.db.image.findUnique({ where: { id: target.id }, select: { parent: { select: { width: true, height: true, storagePath: true } } } });
    const parent = edit?.parent;
    if (parent?.width && parent.height) return { width: parent.width, height: parent.height };
    if (!parent?.storagePath) return undefined;
    const info = await this.deps.storage.get(parent.storagePath).then(inspectImage, () => null);
    return info ?? undefined;
  }

  /** Applies fal's answer to its row, once: anything not PENDING any more, or for another request, is left alone. */
  async apply(target: Target, received: Outcome): Promise<'applied' | 'ignored'> {
    const outcome = await this.withPayload(target, received);
    if (target.kind === 'IMAGE') return this.applyImage(target.id, outcome);
    if (target.kind === 'BROLL') return this.applyBRoll(target.id, outcome);
    return this.applyAvatar(target.id, outcome);
  }

  /**
   * An OK outcome without a payload (fal's `payload_error`: the result could not be put in the webhook)
   * gets it from the queue API. A transient failure to fetch it is thrown for the job to retry.
   */
  private async withPayload(target: Target, outcome: Outcome): Promise<Outcome> {
    if (outcome.status !== 'OK' || outcome.payload != null) return outcome;
    const row = await this.rowOf(target);
    if (row && (row.status !== 'PENDING' || (row.falRequestId && row.falRequestId !== outcome.requestId))) return outcome; // left alone anyway
    const attempt = row?.falModel ? null : await this.deps.db.generationAttempt.findFirst({ where: { kind: target.kind, targetId: target.id, falRequestId: outcome.requestId }, select: { falModel: true } });
    const model = (row?.falModel ?? attempt?.falModel ?? DEFAULT_MODEL[target.kind]) as FalModel;
    const ids = { ...gen(target.kind, target.id), falRequestId: outcome.requestId, falModel: model };
    this.deps.log.info({ event: 'generation.fetch_result', ...ids }, 'webhook without payload: fetching the result from the queue');
    const result = await this.deps.gateway.result(model, outcome.requestId);
    if (!result.ok) {
      if (result.error.kind !== 'rejected') throw new DownloadError(result.error.message, true);
      return { requestId: outcome.requestId, status: 'ERROR', error: `the result could not be fetched (${result.error.message})` };
    }
    const done = result.value;
    return done.state === 'COMPLETED'
      ? { requestId: outcome.requestId, status: 'OK', payload: done.payload }
      : { requestId: outcome.requestId, status: 'ERROR', error: done.error, payload: done.payload };
  }

  private async rowOf(target: Target): Promise<{ status: string; falRequestId: string | null; falModel: string | null } | null> {
    const select = { status: true, falRequestId: true, falModel: true } as const;
    if (target.kind === 'IMAGE') return this.deps.db.image.findUnique({ where: { id: target.id }, select });
    if (target.kind === 'AVATAR') return this.deps.db.avatar.findUnique({ where: { id: target.id }, select });
    return this.deps.db.bRoll.findUnique({ where: { id: target.id }, select });
  }

  private async applyImage(id: string, outcome: Outcome): Promise<'applied' | 'ignored'> {
    const image = await this.deps.db.image.findUnique({ where: { id } });
    if (!image) return this.settleDeleted({ kind: 'IMAGE', id }, outcome);
    if (image.status !== 'PENDING' || (image.falRequestId && image.falRequestId !== outcome.requestId)) return 'ignored';
    if (outcome.status === 'ERROR') return this.finish({ kind: 'IMAGE', id }, { status: 'FAILED', failureReason: readableFailure(outcome) }, outcome.requestId);
    const parsed = parseFluxResult(outcome.payload);
    if (!parsed.ok) return this.finish({ kind: 'IMAGE', id }, { status: 'FAILED', failureReason: parsed.error }, outcome.requestId);
    const first = parsed.value.images[0]!;
    const { body } = await download(first.url, { maxBytes: MAX_IMAGE_BYTES });
    const info = await inspectImage(body);
    if (!info) return this.finish({ kind: 'IMAGE', id }, { status: 'FAILED', failureReason: 'The generator returned something that is not an image.' }, outcome.requestId);
    const key = keys.tempImage(image.userId, image.projectId, image.id, info.contentType);
    await this.deps.storage.put(key, body, info.contentType);
    this.deps.log.info({ event: 'generation.stored', ...gen('IMAGE', id), key, bytes: body.length }, 'result stored');
    return this.finish(
      { kind: 'IMAGE', id },
      { status: 'SUCCEEDED', storagePath: key, contentType: info.contentType, byteSize: body.length, width: info.width, height: info.height, nsfw: parsed.value.nsfw[0] ?? false },
      outcome.requestId,
    );
  }

  private async applyAvatar(id: string, outcome: Outcome): Promise<'applied' | 'ignored'> {
    const avatar = await this.deps.db.avatar.findUnique({ where: { id } });
    if (!avatar) return this.settleDeleted({ kind: 'AVATAR', id }, outcome);
    if (avatar.status !== 'PENDING' || (avatar.falRequestId && avatar.falRequestId !== outcome.requestId)) return 'ignored';
    const target = { kind: 'AVATAR' as const, id };
    const videoUrl = await this.videoUrlOf(target, outcome);
    if (videoUrl === 'applied' || videoUrl === 'ignored') return videoUrl;
    const key = avatar.visibility === 'PUBLIC' ? keys.publicAvatarVideo(id) : keys.privateAvatarVideo(avatar.userId!, id);
    // Copied as it downloads: the CDN download and the storage upload overlap, and no video sits in memory.
    const video = await openDownload(videoUrl, { maxBytes: MAX_VIDEO_BYTES });
    if (!looksLikeMp4(video.head)) {
      await video.cancel();
      return this.finish(target, { status: 'FAILED', failureReason: NOT_MP4 }, outcome.requestId);
    }
    if (video.size !== null) await this.deps.storage.putStream(key, video.body, video.size, 'video/mp4');
    else await this.deps.storage.put(key, Buffer.concat(await video.body.toArray()), 'video/mp4');
    this.deps.log.info({ event: 'generation.stored', ...gen('AVATAR', id), key, bytes: video.size }, 'result stored');
    const result = await this.finish(target, { status: 'SUCCEEDED', videoStoragePath: key }, outcome.requestId, avatar);
    if (result === 'applied' && avatar.sourceImageId) await this.discardTempImage(avatar.sourceImageId);
    return result;
  }

  private async applyBRoll(id: string, outcome: Outcome): Promise<'applied' | 'ignored'> {
    const bRoll = await this.deps.db.bRoll.findUnique({ where: { id } });
    if (!bRoll) return this.settleDeleted({ kind: 'BROLL', id }, outcome);
    if (bRoll.status !== 'PENDING' || (bRoll.falRequestId && bRoll.falRequestId !== outcome.requestId)) return 'ignored';
    const target = { kind: 'BROLL' as const, id };
    const body = await this.videoOf(target, outcome);
    if (!Buffer.isBuffer(body)) return body;
    let thumbnail: Buffer;
    try {
      thumbnail = await extractFrameJpeg(body, 0.5);
    } catch {
      return this.finish(target, { status: 'FAILED', failureReason: 'The video could not be read to make its thumbnail.' }, outcome.requestId);
    }
    const videoKey = keys.bRollVideo(bRoll.userId, bRoll.projectId, id);
    const thumbKey = keys.bRollThumbnail(bRoll.userId, bRoll.projectId, id);
    await this.deps.storage.put(videoKey, body, 'video/mp4');
    await this.deps.storage.put(thumbKey, thumbnail, 'image/jpeg');
    this.deps.log.info({ event: 'generation.stored', ...gen('BROLL', id), key: videoKey, thumbnailKey: thumbKey, bytes: body.length }, 'result stored');
    return this.finish(target, { status: 'SUCCEEDED', videoStoragePath: videoKey, thumbnailStoragePath: thumbKey }, outcome.requestId);
  }

  /** The URL of a Seedance result's video; or the row finished FAILED with a reason (an ERROR, a malformed payload). */
  private async videoUrlOf(target: Target, outcome: Outcome): Promise<string | 'applied' | 'ignored'> {
    if (outcome.status === 'ERROR') return this.finish(target, { status: 'FAILED', failureReason: readableFailure(outcome) }, outcome.requestId);
    const parsed = parseSeedanceResult(outcome.payload);
    if (!parsed.ok) return this.finish(target, { status: 'FAILED', failureReason: parsed.error }, outcome.requestId);
    return parsed.value.videoUrl;
  }

  /** The bytes of a Seedance result, copied from fal's URL; or the row finished FAILED with a reason. */
  private async videoOf(target: Target, outcome: Outcome): Promise<Buffer | 'applied' | 'ignored'> {
    const videoUrl = await this.videoUrlOf(target, outcome);
    if (videoUrl === 'applied' || videoUrl === 'ignored') return videoUrl;
    const { body } = await download(videoUrl, { maxBytes: MAX_VIDEO_BYTES });
    if (!looksLikeMp4(body)) return this.finish(target, { status: 'FAILED', failureReason: NOT_MP4 }, outcome.requestId);
    return body;
  }

  /**
   * The generation was deleted while fal worked on it: nothing to store, but fal bills a result all
   * the same, so its attempt in the ledger (usage, cost) gets the outcome.
   */
  private async settleDeleted(target: Target, outcome: Outcome): Promise<'ignored'> {
    const { count } = await this.deps.db.generationAttempt.updateMany({
      where: { kind: target.kind, targetId: target.id, status: 'PENDING', falRequestId: outcome.requestId },
      data: { status: outcome.status === 'OK' ? 'SUCCEEDED' : 'FAILED', finishedAt: new Date() },
    });
    if (count) this.deps.log.info({ event: 'generation.deleted_settled', ...gen(target.kind, target.id), falRequestId: outcome.requestId, status: outcome.status }, 'result for a deleted generation: recorded for usage only');
    return 'ignored';
  }

  /** The studio image an avatar was made from was copied next to the avatar: the temp one is no longer needed. */
  private async discardTempImage(imageId: string): Promise<void> {
    const image = await this.deps.db.image.findUnique({ where: { id: imageId } });
    if (!image) return;
    await this.deps.db.image.delete({ where: { id: imageId } }).catch(() => {});
    if (image.storagePath) await this.deps.storage.remove([image.storagePath]);
    this.deps.log.info({ event: 'cleanup.temp_image_used', ...gen('IMAGE', imageId), key: image.storagePath }, 'temp studio image deleted after use');
    await this.deps.pubsub.publish('projectUpdated', image.projectId, { projectId: image.projectId, kind: 'IMAGE', id: imageId });
  }

  /** Moves a PENDING row to its final state (only if still PENDING), then tells subscribers. */
  async finish(target: Target, data: Record<string, unknown> & { status: 'SUCCEEDED' | 'FAILED' }, requestId?: string, avatar?: AvatarPlace): Promise<'applied' | 'ignored'> {
    // The row and its ledger attempt: still PENDING, for this request (or not yet submitted).
    const sameRequest = requestId ? { OR: [{ falRequestId: requestId }, { falRequestId: null }] } : {};
    const settled = { finishedAt: new Date(), ...(requestId ? { falRequestId: requestId } : {}) };
    const { count } = await rows(this.deps.db, target.kind).updateMany({ where: { id: target.id, status: 'PENDING', ...sameRequest }, data: { ...data, ...settled } });
    if (!count) {
      this.deps.log.debug({ event: 'generation.finish_ignored', ...gen(target.kind, target.id), falRequestId: requestId, status: data.status }, 'not PENDING any more: left alone');
      return 'ignored';
    }
    await this.deps.db.generationAttempt.updateMany({ where: { kind: target.kind, targetId: target.id, status: 'PENDING', ...sameRequest }, data: { status: data.status, ...settled } });
    const line = { event: `generation.${data.status.toLowerCase()}`, ...gen(target.kind, target.id), falRequestId: requestId, status: data.status };
    if (data.status === 'FAILED') this.deps.log.warn({ ...line, failureReason: data.failureReason }, 'generation FAILED');
    else this.deps.log.info(line, 'generation SUCCEEDED');
    await this.publish(target, avatar && { ...avatar, status: data.status });
    return 'applied';
  }

  /** `known`: the avatar's place and new status when the caller has them (saves reading them back). */
  async publish(target: Target, known?: AvatarPlace & { status: string }): Promise<void> {
    if (target.kind === 'AVATAR') {
      const avatar = known ?? (await this.deps.db.avatar.findUnique({ where: { id: target.id }, select: { projectId: true, visibility: true, status: true } }));
      await this.deps.pubsub.publish('avatarUpdated', target.id, { avatarId: target.id });
      if (avatar?.visibility === 'PUBLIC' && avatar.status === 'SUCCEEDED') await this.deps.catalog.changed('public avatar ready');
      if (avatar?.projectId) await this.deps.pubsub.publish('projectUpdated', avatar.projectId, { projectId: avatar.projectId, kind: 'AVATAR', id: target.id });
    } else if (target.kind === 'BROLL') {
      const bRoll = await this.deps.db.bRoll.findUnique({ where: { id: target.id }, select: { projectId: true } });
      await this.deps.pubsub.publish('bRollUpdated', target.id, { bRollId: target.id });
      if (bRoll) await this.deps.pubsub.publish('projectUpdated', bRoll.projectId, { projectId: bRoll.projectId, kind: 'BROLL', id: target.id });
    } else {
      const image = await this.deps.db.image.findUnique({ where: { id: target.id }, select: { projectId: true } });
      if (image) await this.deps.pubsub.publish('projectUpdated', image.projectId, { projectId: image.projectId, kind: 'IMAGE', id: target.id });
    }
  }

  /** When a generation started at `createdAt` is given up: images and videos have deadlines of their own. */
  private deadlineOf(kind: TargetKind, createdAt: Date): number {
    const { imageDeadlineMs, videoDeadlineMs } = this.deps.settings;
    return createdAt.getTime() + (kind === 'IMAGE' ? imageDeadlineMs : videoDeadlineMs);
  }

  /**
   * Finishes what webhooks missed: PENDING rows older than `reconcileAfterMs` are asked of fal; past their
   * deadline they fail. Rows never submitted (a crash between write and submit) fail too, so nothing stays PENDING.
   */
  async reconcile(now = Date.now()): Promise<{ checked: number; finished: number; timedOut: number; deletedSettled: number }> {
    const { reconcileAfterMs } = this.deps.settings;
    const before = new Date(now - reconcileAfterMs);
    const rows: (Target & { falRequestId: string | null; falModel: string | null; createdAt: Date })[] = [
      ...(await this.deps.db.avatar.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: { id: true, falRequestId: true, falModel: true, createdAt: true }, take: 200 })).map((r) => ({ ...r, kind: 'AVATAR' as const })),
      ...(await this.deps.db.image.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: { id: true, falRequestId: true, falModel: true, createdAt: true }, take: 200 })).map((r) => ({ ...r, kind: 'IMAGE' as const })),
      ...(await this.deps.db.bRoll.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, select: { id: true, falRequestId: true, falModel: true, createdAt: true }, take: 200 })).map((r) => ({ ...r, kind: 'BROLL' as const })),
    ];
    let finished = 0;
    let timedOut = 0;
    for (const row of rows) {
      const deadline = this.deadlineOf(row.kind, row.createdAt);
      if (row.falRequestId && row.falModel) {
        const status = await this.deps.gateway.status(row.falModel as FalModel, row.falRequestId);
        this.deps.log.debug({ event: 'reconcile.asked', ...gen(row.kind, row.id), falRequestId: row.falRequestId, state: status.ok ? status.value.state : 'unreachable' }, 'asked fal for a PENDING row');
        if (status.ok && status.value.state === 'COMPLETED') {
          this.deps.log.info({ event: 'reconcile.completed', ...gen(row.kind, row.id), falRequestId: row.falRequestId }, 'reconciler applies a result the webhook missed');
          if ((await this.apply(row, { requestId: row.falRequestId, status: 'OK', payload: status.value.payload })) === 'applied') finished++;
          continue;
        }
        if (status.ok && status.value.state === 'FAILED') {
          this.deps.log.info({ event: 'reconcile.failed', ...gen(row.kind, row.id), falRequestId: row.falRequestId }, 'reconciler applies a failure the webhook missed');
          if ((await this.apply(row, { requestId: row.falRequestId, status: 'ERROR', error: status.value.error, payload: status.value.payload })) === 'applied') finished++;
          continue;
        }
      }
      if (now > deadline) {
        const minutes = Math.round((now - row.createdAt.getTime()) / 60_000);
        const reason = row.falRequestId ? `Timed out: no result after ${minutes} min.` : 'Timed out: the generation could not be submitted. Try again.';
        this.deps.log.warn({ event: 'reconcile.timed_out', ...gen(row.kind, row.id), falRequestId: row.falRequestId, minutes }, 'reconciler times out a PENDING row');
        if ((await this.finish(row, { status: 'FAILED', failureReason: reason })) === 'applied') timedOut++;
      }
    }
    return { checked: rows.length, finished, timedOut, deletedSettled: await this.reconcileDeleted(before, now) };
  }

  /**
   * Ledger attempts of generations deleted while fal worked on them whose webhook never came: asked of
   * fal like a row (fal bills the result, so usage records it), or FAILED past the deadline, so that no
   * attempt stays PENDING in anyone's usage.
   */
  private async reconcileDeleted(before: Date, now: number): Promise<number> {
    // Stored timestamps are UTC wall times; the ISO text casts to the same.
    const orphans = await this.deps.db.$queryRaw<{ kind: TargetKind; targetId: string; falRequestId: string | null; falModel: string | null; createdAt: Date }[]>`
      SELECT g.kind, g."targetId", g."falRequestId", g."falModel", g."createdAt" AT TIME ZONE 'UTC' AS "createdAt"
        FROM "GenerationAttempt" g
       WHERE g.status = 'PENDING' AND g."createdAt" < ${before.toISOString()}::timestamp(3)
         AND NOT EXISTS (SELECT 1 FROM "Image" x WHERE x.id = g."targetId")
         AND NOT EXISTS (SELECT 1 FROM "Avatar" x WHERE x.id = g."targetId")
         AND NOT EXISTS (SELECT 1 FROM "BRoll" x WHERE x.id = g."targetId")
       ORDER BY g."createdAt" LIMIT 200`;
    let settled = 0;
    for (const o of orphans) {
      const target = { kind: o.kind, id: o.targetId };
      if (o.falRequestId && o.falModel) {
        const status = await this.deps.gateway.status(o.falModel as FalModel, o.falRequestId);
        if (status.ok && (status.value.state === 'COMPLETED' || status.value.state === 'FAILED')) {
          await this.settleDeleted(target, { requestId: o.falRequestId, status: status.value.state === 'COMPLETED' ? 'OK' : 'ERROR', payload: status.value.payload });
          settled++;
          continue;
        }
      }
      const deadline = this.deadlineOf(o.kind, new Date(o.createdAt));
      if (now <= deadline) continue;
      const { count } = await this.deps.db.generationAttempt.updateMany({
        where: { kind: o.kind, targetId: o.targetId, status: 'PENDING', falRequestId: o.falRequestId },
        data: { status: 'FAILED', finishedAt: new Date() },
      });
      if (count) this.deps.log.warn({ event: 'reconcile.deleted_timed_out', ...gen(o.kind, o.targetId), falRequestId: o.falRequestId }, 'attempt of a deleted generation timed out');
      settled += count;
    }
    return settled;
  }
}
