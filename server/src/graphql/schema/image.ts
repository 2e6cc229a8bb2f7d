import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '../../db.ts';
import { FLUX_ASPECT_RATIOS, fluxImageToImageInput, fluxTextToImageInput, PROMPT_MAX_LENGTH } from '../../fal/models.ts';
import { inspectImage } from '../../generation/media-check.ts';
import { builder } from '../builder.ts';
import { GenerationLimitError, invalid, NotFoundError } from '../errors.ts';
import { reserveIdempotent, type Tx } from '../../generation/limits.ts';
import type { Pipeline } from '../../generation/pipeline.ts';
import type { Storage } from '../../storage/storage.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { localId } from '../ids.ts';
import { GenerationStatus } from './avatar.ts';
import { ownProject, Project } from './project.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const UPLOAD_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
type UploadType = keyof typeof UPLOAD_TYPES;
const uploadKey = (userId: string, projectId: string, uploadId: string) => `images/temp-generated/${userId}/${projectId}/upload-${uploadId}`;

const ImageSource = builder.enumType('ImageSource', { values: ['TEXT_TO_IMAGE', 'IMAGE_TO_IMAGE', 'UPLOAD'] as const });
const AspectRatio = builder.enumType('ImageAspectRatio', {
  values: Object.fromEntries(FLUX_ASPECT_RATIOS.map((r) => [`R${r.replace(':', '_')}`, { value: r }])) as Record<string, { value: (typeof FLUX_ASPECT_RATIOS)[number] }>,
});

export const Image = builder.prismaNode('Image', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.id ?? '' }),
  fields: (t) => ({
    source: t.expose('source', { type: ImageSource }),
    prompt: t.exposeString('prompt', { nullable: true }),
    status: t.expose('status', { type: GenerationStatus }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    width: t.exposeInt('width', { nullable: true }),
    height: t.exposeInt('height', { nullable: true }),
    byteSize: t.exposeInt('byteSize', { nullable: true }),
    contentType: t.exposeString('contentType', { nullable: true }),
    nsfw: t.exposeBoolean('nsfw', { description: 'Flagged by the generator: such an image cannot become an avatar reference.' }),
    parent: t.relation('parent', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    imageUrl: t.string({
      nullable: true,
      select: { storagePath: true, status: true },
      resolve: (i, _a, ctx) => (i.status === 'SUCCEEDED' && i.storagePath ? ctx.storage.presignGet(i.storagePath) : null),
    }),
  }),
});

builder.prismaObjectField(Project, 'images', (t) =>
  t.relatedConnection('images', { cursor: 'id', totalCount: true, query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] } }),
);

/** The caller's image, or a NotFoundError (someone else's is indistinguishable from a missing one). */
export async function ownImage(db: PrismaClient, globalId: string, userId: string) {
  const id = localId(globalId, 'Image');
  const image = await db.image.findFirst({ where: { id, userId } });
  if (!image) throw new NotFoundError('Image', globalId);
  return image;
}

/** One of the caller's finished images; to be animated (avatar, b-roll) it must not be flagged NSFW either. */
export async function readyImage(db: PrismaClient, globalId: string, userId: string, { toAnimate = false } = {}) {
  const image = await ownImage(db, globalId, userId);
  if (image.status !== 'SUCCEEDED' || !image.storagePath) throw invalid(['input', 'imageId'], 'This image is not ready yet.');
  if (toAnimate && image.nsfw) throw invalid(['input', 'imageId'], 'This image was flagged as not safe for work and cannot be animated.');
  return image as typeof image & { storagePath: string };
}

const PendingUpload = builder.objectRef<{ uploadId: string; uploadUrl: string; contentType: string; expiresAt: Date }>('PendingUpload').implement({
  description: 'PUT the file to uploadUrl with this Content-Type, then call registerUpload.',
  fields: (t) => ({
    uploadId: t.exposeString('uploadId'),
    uploadUrl: t.exposeString('uploadUrl'),
    contentType: t.exposeString('contentType'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const CreateUploadInput = builder.inputType('CreateUploadInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    contentType: t.string({ required: true, validate: z.enum(Object.keys(UPLOAD_TYPES) as [UploadType], { message: 'JPEG, PNG or WebP only.' }) }),
    byteSize: t.int({ required: true, validate: z.number().int().min(1, 'The file is empty.').max(MAX_UPLOAD_BYTES, 'At most 10 MB.') }),
  }),
});
const RegisterUploadInput = builder.inputType('RegisterUploadInput', {
  fields: (t) => ({ projectId: t.id({ required: true }), uploadId: t.string({ required: true }) }),
});
const prompt = z.string().trim().min(1, 'Required.').max(PROMPT_MAX_LENGTH, `At most ${PROMPT_MAX_LENGTH} characters.`);
const IMAGE_KEY_DESCRIPTION = `${IDEMPOTENCY_KEY_DESCRIPTION('image')} generateImage and editImage share the keys of your images.`;
const GenerateImageInput = builder.inputType('GenerateImageInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    prompt: t.string({ required: true, multiline: true, validate: prompt }),
    aspectRatio: t.field({ type: AspectRatio }),
    idempotencyKey: t.string({ description: IMAGE_KEY_DESCRIPTION, validate: idempotencyKey }),
  }),
});
const EditImageInput = builder.inputType('EditImageInput', {
  fields: (t) => ({
    imageId: t.id({ required: true }),
    prompt: t.string({ required: true, multiline: true, validate: prompt }),
    strength: t.float({ description: 'How far the edit may move from the original, 0.01–1 (default 0.85).', validate: z.number().min(0.01, 'Between 0.01 and 1.').max(1, 'Between 0.01 and 1.') }),
    idempotencyKey: t.string({ description: IMAGE_KEY_DESCRIPTION, validate: idempotencyKey }),
  }),
});

builder.mutationFields((t) => ({
  createUpload: t.field({
    type: PendingUpload,
    authScopes: { user: true },
    args: { input: t.arg({ type: CreateUploadInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const project = await ownProject(ctx.deps.db, String(input.projectId), ctx.viewer!.id);
      const uploadId = `${randomUUID()}.${UPLOAD_TYPES[input.contentType as UploadType]}`;
      const ttl = 15 * 60;
      const uploadUrl = await ctx.storage.presignPut(uploadKey(ctx.viewer!.id, project.id, uploadId), ttl);
      return { uploadId, uploadUrl, contentType: input.contentType, expiresAt: new Date(Date.now() + ttl * 1000) };
    },
  }),
  registerUpload: t.field({
    type: Image,
    authScopes: { user: true },
    args: { input: t.arg({ type: RegisterUploadInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const project = await ownProject(ctx.deps.db, String(input.projectId), ctx.viewer!.id);
      const m = /^([0-9a-f-]{36})\.(jpg|png|webp)$/.exec(input.uploadId);
      if (!m) throw invalid(['input', 'uploadId'], 'Not an upload of this API.');
      const key = uploadKey(ctx.viewer!.id, project.id, input.uploadId);
      const stat = await ctx.storage.stat(key);
      if (!stat) throw invalid(['input', 'uploadId'], 'Nothing was uploaded for this uploadId (or it was already registered).');
      const refuse = async (message: string) => {
        await ctx.storage.remove([key]);
        return invalid(['input', 'uploadId'], message);
      };
      if (stat.size > MAX_UPLOAD_BYTES) throw await refuse('The file is larger than 10 MB.');
      const bytes = await ctx.storage.get(key, MAX_UPLOAD_BYTES);
      const info = await inspectImage(bytes);
      const declared = Object.entries(UPLOAD_TYPES).find(([, ext]) => ext === m[2])![0];
      if (!info) throw await refuse('The file is not a JPEG, PNG or WebP image.');
      if (info.contentType !== declared) throw await refuse(`The file is a ${info.contentType}, not the ${declared} that was declared.`);
      return ctx.deps.db.image.create({
        data: { source: 'UPLOAD', status: 'SUCCEEDED', storagePath: key, contentType: info.contentType, byteSize: bytes.length, width: info.width, height: info.height, userId: ctx.viewer!.id, projectId: project.id, finishedAt: new Date() },
      });
    },
  }),
  generateImage: t.field({
    type: Image,
    authScopes: { user: true },
    description: 'FLUX text-to-image. Returns the PENDING image at once; projectUpdated tells when it is done.',
    args: { input: t.arg({ type: GenerateImageInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const userId = ctx.viewer!.id;
      const earlier = earlierImage(userId, input.idempotencyKey);
      const replayed = await earlier(ctx.deps.db);
      if (replayed) return replayed;
      const project = await ownProject(ctx.deps.db, String(input.projectId), userId);
      const aspectRatio = input.aspectRatio ?? '1:1';
      const falInput = fluxTextToImageInput({ prompt: input.prompt, aspectRatio });
      const { row: image, created } = await reserveIdempotent(ctx.deps, ctx.viewer!, 'IMAGE', earlier, (tx) =>
        tx.image.create({ data: { source: 'TEXT_TO_IMAGE', prompt: input.prompt.trim(), aspectRatio, userId, projectId: project.id, idempotencyKey: input.idempotencyKey ?? null } }),
      );
      if (!created) return image;
      await ctx.pipeline.submit({ kind: 'IMAGE', id: image.id }, 'fal-ai/flux/dev', falInput);
      await ctx.pipeline.publish({ kind: 'IMAGE', id: image.id });
      return ctx.deps.db.image.findUniqueOrThrow({ where: { id: image.id } });
    },
  }),
  editImage: t.field({
    type: Image,
    authScopes: { user: true },
    description: 'FLUX image-to-image from one of your images. Returns the PENDING edit at once (FAILED with a reason if the generator cannot be reached).',
    args: { input: t.arg({ type: EditImageInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const userId = ctx.viewer!.id;
      const earlier = earlierImage(userId, input.idempotencyKey);
      const replayed = await earlier(ctx.deps.db);
      if (replayed) return replayed;
      const parent = await readyImage(ctx.deps.db, String(input.imageId), userId);
      // The object may have been swept since the row was read: the image is then as gone as a missing one.
      if (!(await ctx.storage.stat(parent.storagePath))) throw new NotFoundError('Image', String(input.imageId));
      const strength = input.strength ?? 0.85;
      const { row: image, created } = await reserveIdempotent(ctx.deps, ctx.viewer!, 'IMAGE', earlier, (tx) =>
        tx.image.create({
          data: { source: 'IMAGE_TO_IMAGE', prompt: input.prompt.trim(), strength, parentId: parent.id, userId, projectId: parent.projectId, idempotencyKey: input.idempotencyKey ?? null },
        }),
      );
      // The row comes first, the upload to fal after: only the request that wrote it hands fal the file.
      if (!created) return image;
      await startEdit(image.id, parent, input.prompt, strength, ctx.storage, ctx.pipeline);
      return ctx.deps.db.image.findUniqueOrThrow({ where: { id: image.id } });
    },
  }),
}));

/** The caller's image with this idempotency key, if the request has one. */
const earlierImage = (userId: string, idempotencyKey: string | null | undefined) => (client: Tx | PrismaClient) =>
  idempotencyKey ? client.image.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } }) : Promise.resolve(null);

/** Hands fal the parent's file and submits the edit; a file gone since the check or an unreachable provider fails the edit with a reason. */
async function startEdit(id: string, parent: { storagePath: string; contentType: string | null }, prompt: string, strength: number, storage: Storage, pipeline: Pipeline) {
  const target = { kind: 'IMAGE' as const, id };
  const bytes = await storage.get(parent.storagePath).catch(() => null);
  if (!bytes) {
    await pipeline.finish(target, { status: 'FAILED', failureReason: 'The source image is no longer available. Pick or make another one.' });
    return;
  }
  const uploaded = await pipeline.deps.gateway.uploadFile(bytes, parent.contentType ?? 'image/png');
  if (!uploaded.ok) {
    await pipeline.finish(target, { status: 'FAILED', failureReason: `The generator could not be reached (${uploaded.error.message}). Try again.` });
    return;
  }
  await pipeline.submit(target, 'fal-ai/flux/dev/image-to-image', fluxImageToImageInput({ imageUrl: uploaded.value.url, prompt, strength }));
  await pipeline.publish(target);
}
