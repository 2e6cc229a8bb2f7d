import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '../../db.ts';
import { FLUX_ASPECT_RATIOS, fluxImageToImageInput, fluxTextToImageInput, PROMPT_MAX_LENGTH } from '../../fal/models.ts';
import { inspectImage } from '../../generation/media-check.ts';
import { builder } from '../builder.ts';
import { GenerationLimitError, invalid, NotFoundError, ProviderUnavailableError } from '../errors.ts';
import { precheckLimits, reserveGeneration } from '../../generation/limits.ts';
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
export async function ownImage(globalId: string, userId: string) {
  const id = localId(globalId, 'Image');
  const image = await db.image.findFirst({ where: { id, userId } });
  if (!image) throw new NotFoundError('Image', globalId);
  return image;
}

/** One of the caller's finished images; to be animated (avatar, b-roll) it must not be flagged NSFW either. */
export async function readyImage(globalId: string, userId: string, { toAnimate = false } = {}) {
  const image = await ownImage(globalId, userId);
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
const GenerateImageInput = builder.inputType('GenerateImageInput', {
  fields: (t) => ({ projectId: t.id({ required: true }), prompt: t.string({ required: true, multiline: true, validate: prompt }), aspectRatio: t.field({ type: AspectRatio }) }),
});
const EditImageInput = builder.inputType('EditImageInput', {
  fields: (t) => ({
    imageId: t.id({ required: true }),
    prompt: t.string({ required: true, multiline: true, validate: prompt }),
    strength: t.float({ description: 'How far the edit may move from the original, 0.01–1 (default 0.85).', validate: z.number().min(0.01, 'Between 0.01 and 1.').max(1, 'Between 0.01 and 1.') }),
  }),
});

builder.mutationFields((t) => ({
  createUpload: t.field({
    type: PendingUpload,
    authScopes: { user: true },
    args: { input: t.arg({ type: CreateUploadInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const project = await ownProject(String(input.projectId), ctx.viewer!.id);
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
      const project = await ownProject(String(input.projectId), ctx.viewer!.id);
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
      return db.image.create({
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
      const project = await ownProject(String(input.projectId), ctx.viewer!.id);
      const aspectRatio = input.aspectRatio ?? '1:1';
      const falInput = fluxTextToImageInput({ prompt: input.prompt, aspectRatio });
      const image = await reserveGeneration(ctx.viewer!, 'IMAGE', (tx) =>
        tx.image.create({ data: { source: 'TEXT_TO_IMAGE', prompt: input.prompt.trim(), aspectRatio, userId: ctx.viewer!.id, projectId: project.id } }),
      );
      await ctx.pipeline.submit({ kind: 'IMAGE', id: image.id }, 'fal-ai/flux/dev', falInput);
      await ctx.pipeline.publish({ kind: 'IMAGE', id: image.id });
      return db.image.findUniqueOrThrow({ where: { id: image.id } });
    },
  }),
  editImage: t.field({
    type: Image,
    authScopes: { user: true },
    description: 'FLUX image-to-image from one of your images. Returns the PENDING edit at once.',
    args: { input: t.arg({ type: EditImageInput, required: true }) },
    errors: { types: [NotFoundError, ProviderUnavailableError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const parent = await readyImage(String(input.imageId), ctx.viewer!.id);
      // Before handing the file to fal; checked again, under the lock, when the row is written.
      await precheckLimits(ctx.viewer!, 'IMAGE');
      // The object may have been swept since the row was read: the image is then as gone as a missing one.
      if (!(await ctx.storage.stat(parent.storagePath))) throw new NotFoundError('Image', String(input.imageId));
      const bytes = await ctx.storage.get(parent.storagePath);
      const uploaded = await ctx.pipeline.deps.gateway.uploadFile(bytes, parent.contentType ?? 'image/png');
      if (!uploaded.ok) throw new ProviderUnavailableError(uploaded.error.message);
      const strength = input.strength ?? 0.85;
      const falInput = fluxImageToImageInput({ imageUrl: uploaded.value.url, prompt: input.prompt, strength });
      const image = await reserveGeneration(ctx.viewer!, 'IMAGE', (tx) =>
        tx.image.create({
          data: { source: 'IMAGE_TO_IMAGE', prompt: input.prompt.trim(), strength, parentId: parent.id, userId: ctx.viewer!.id, projectId: parent.projectId },
        }),
      );
      await ctx.pipeline.submit({ kind: 'IMAGE', id: image.id }, 'fal-ai/flux/dev/image-to-image', falInput);
      await ctx.pipeline.publish({ kind: 'IMAGE', id: image.id });
      return db.image.findUniqueOrThrow({ where: { id: image.id } });
    },
  }),
}));
