// Studio images: generated (FLUX) or edited (FLUX image-to-image); uploads are in image-upload.ts. Adapters
// of domain/studio-images.
import { z } from 'zod';
import { prompt } from '../../domain/fields.ts';
import { editImage } from '../../domain/studio-images/edit-image.ts';
import { generateImage } from '../../domain/studio-images/generate-image.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { GenerationLimitError, NotFoundError } from '../../domain/errors.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { nodeRef } from '../../domain/ids.ts';
import { GenerationStatus } from './avatar.ts';
import { GenerationProgress, progressOf } from './generation-progress.ts';
import { Project } from './project.ts';
import { ImageAspectRatio, ImageEditMode, ImageSource } from './generation-enums.ts';

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
    nsfw: t.exposeBoolean('nsfw', {
      description: 'Flagged by the generator: such an image cannot become an avatar reference.',
    }),
    parent: t.relation('parent', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    progress: t.field({ type: GenerationProgress, nullable: true, resolve: progressOf('IMAGE') }),
    imageUrl: t.string({
      nullable: true,
      select: { storagePath: true, status: true },
      resolve: (i, _a, ctx) =>
        i.status === 'SUCCEEDED' && i.storagePath ? ctx.deps.storage.presignGet(i.storagePath) : null,
    }),
  }),
});

builder.prismaObjectField(Project, 'images', (t) =>
  t.relatedConnection('images', {
    cursor: 'id',
    totalCount: true,
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
  }),
);

const IMAGE_KEY_DESCRIPTION =
  IDEMPOTENCY_KEY_DESCRIPTION('image') + ' generateImage and editImage share the keys of your images.';
const GenerateImageInput = builder.inputType('GenerateImageInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    prompt: t.string({ required: true, multiline: true, validate: prompt }),
    aspectRatio: t.field({ type: ImageAspectRatio }),
    idempotencyKey: t.string({ description: IMAGE_KEY_DESCRIPTION, validate: idempotencyKey }),
  }),
});
const between = 'Between 0.01 and 1.';
const EditImageInput = builder.inputType('EditImageInput', {
  fields: (t) => ({
    imageId: t.id({ required: true }),
    prompt: t.string({ required: true, multiline: true, validate: prompt }),
    mode: t.field({ type: ImageEditMode, description: 'Default STRENGTH.' }),
    strength: t.float({
      description: 'STRENGTH mode: how far the edit may move from the original, 0.01–1 (default 0.85).',
      validate: z.number().min(0.01, between).max(1, between),
    }),
    idempotencyKey: t.string({ description: IMAGE_KEY_DESCRIPTION, validate: idempotencyKey }),
  }),
});

builder.mutationFields((t) => ({
  generateImage: t.field({
    type: Image,
    authScopes: { user: true },
    description: 'FLUX text-to-image. Returns the PENDING image at once; projectUpdated tells when it is done.',
    args: { input: t.arg({ type: GenerateImageInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: (_r, { input }, ctx) =>
      generateImage(ctx.deps, actorOf(ctx), { ...input, projectId: nodeRef(input.projectId, 'Project') }),
  }),
  editImage: t.field({
    type: Image,
    authScopes: { user: true },
    description:
      'FLUX dev image-to-image (STRENGTH) or FLUX Kontext (INSTRUCTION). Returns the PENDING edit at once ' +
      '(FAILED with a reason if the generator cannot be reached).',
    args: { input: t.arg({ type: EditImageInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: (_r, { input }, ctx) =>
      editImage(ctx.deps, actorOf(ctx), { ...input, imageId: nodeRef(input.imageId, 'Image') }),
  }),
}));
