// Studio images: generated (FLUX) or edited (FLUX image-to-image); uploads are in image-upload.ts. Adapters
// of domain/studio-images.
import { z } from 'zod';
import { prompt, variantCount } from '../../domain/fields.ts';
import { editImage } from '../../domain/studio-images/edit-image.ts';
import { generateImage, imageVariants } from '../../domain/studio-images/generate-image.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data } from '../docs.ts';
import { imageDocs as d } from './image.docs.ts';
import { GenerationLimitError, NotFoundError } from '../../domain/errors.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { nodeRef } from '../../domain/ids.ts';
import { GenerationStatus } from './avatar.ts';
import { GenerationProgress, progressOf } from './generation-progress.ts';
import { Project } from './project.ts';
import { ImageAspectRatio, ImageEditMode, ImageSource } from './generation-enums.ts';
import { variantDocs } from './variants.docs.ts';

export const Image = builder.prismaNode('Image', {
  id: { field: 'id' },
  nullable: true,
  description: d.Image,
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.id ?? '' }),
  fields: (t) => ({
    source: t.expose('source', { type: ImageSource, description: 'How it was made.' }),
    prompt: t.exposeString('prompt', {
      nullable: true,
      description: 'The prompt it was made with; null for an upload.',
    }),
    status: t.expose('status', {
      type: GenerationStatus,
      description: 'Where its generation stands (uploads: SUCCEEDED).',
    }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: d.failureReason }),
    width: t.exposeInt('width', { nullable: true, description: 'Width in pixels; null until SUCCEEDED.' }),
    height: t.exposeInt('height', { nullable: true, description: 'Height in pixels; null until SUCCEEDED.' }),
    byteSize: t.exposeInt('byteSize', {
      nullable: true,
      description: 'Size of the stored file in bytes; null until SUCCEEDED.',
    }),
    contentType: t.exposeString('contentType', { nullable: true, description: d.contentType }),
    nsfw: t.exposeBoolean('nsfw', {
      description: 'Flagged by the generator: such an image cannot become an avatar reference.',
    }),
    parent: t.relation('parent', { nullable: true, description: 'The image an edit was made from; null otherwise.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was asked for (or uploaded).' }),
    progress: t.field({
      type: GenerationProgress,
      nullable: true,
      description: d.progress,
      resolve: progressOf('IMAGE'),
    }),
    imageUrl: t.string({
      nullable: true,
      description: 'Presigned GET URL of the image, valid 15 minutes; null unless SUCCEEDED.',
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
    description: "The project's studio images (generated, edited, uploaded), newest first.",
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
  }),
);

const IMAGE_KEY_DESCRIPTION =
  IDEMPOTENCY_KEY_DESCRIPTION('image') + ' generateImage and editImage share the keys of your images.';
const GenerateImageInput = builder.inputType('GenerateImageInput', {
  description: 'A new studio image from a prompt (FLUX dev text-to-image).',
  fields: (t) => ({
    projectId: t.id({ required: true, description: 'The global ID of one of your projects.' }),
    prompt: t.string({ required: true, multiline: true, description: d.prompt, validate: prompt }),
    aspectRatio: t.field({ type: ImageAspectRatio, description: 'Default R1_1 (1024 × 1024 pixels).' }),
    count: t.int({ description: variantDocs.imageCount, validate: variantCount }),
    idempotencyKey: t.string({ description: IMAGE_KEY_DESCRIPTION, validate: idempotencyKey }),
  }),
});
const between = 'Between 0.01 and 1.';
const EditImageInput = builder.inputType('EditImageInput', {
  description: 'An edit of one of your images: a new image, the original stays.',
  fields: (t) => ({
    imageId: t.id({ required: true, description: 'A SUCCEEDED image of yours to edit.' }),
    prompt: t.string({ required: true, multiline: true, description: d.editPrompt, validate: prompt }),
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
    description: d.generateImage,
    args: { input: t.arg({ type: GenerateImageInput, required: true, description: 'What to make.' }) },
    errors: {
      types: [NotFoundError, GenerationLimitError],
      ...data('The image, PENDING (or as an earlier key made it); the first of its variants.'),
      result: {
        fields: (r) => ({
          images: r.field({
            type: [Image],
            description: variantDocs.images,
            resolve: (image: { id: string; variantGroupId: string | null }, _a, ctx) => imageVariants(ctx.deps, image),
          }),
        }),
      },
    },
    resolve: (_r, { input }, ctx) =>
      generateImage(ctx.deps, actorOf(ctx), { ...input, projectId: nodeRef(input.projectId, 'Project') }),
  }),
  editImage: t.field({
    type: Image,
    authScopes: { user: true },
    description: d.editImage,
    args: { input: t.arg({ type: EditImageInput, required: true, description: 'What to edit, and how.' }) },
    errors: {
      types: [NotFoundError, GenerationLimitError],
      ...data('The new image, PENDING (or as an earlier key made it).'),
    },
    resolve: (_r, { input }, ctx) =>
      editImage(ctx.deps, actorOf(ctx), { ...input, imageId: nodeRef(input.imageId, 'Image') }),
  }),
}));
