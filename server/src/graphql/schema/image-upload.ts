// Uploads to a studio: a presigned PUT straight to storage, then registered as an Image. Adapters of
// domain/studio-images.
import { z } from 'zod';
import { createUpload } from '../../domain/studio-images/create-upload.ts';
import { registerUpload } from '../../domain/studio-images/register-upload.ts';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type UploadType } from '../../domain/studio-images/uploads.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { nodeRef } from '../../domain/ids.ts';
import { Image } from './image.ts';

interface Pending {
  uploadId: string;
  uploadUrl: string;
  contentType: string;
  expiresAt: Date;
}
const PendingUpload = builder.objectRef<Pending>('PendingUpload').implement({
  description: 'PUT the file to uploadUrl with this Content-Type, then call registerUpload.',
  fields: (t) => ({
    uploadId: t.exposeString('uploadId'),
    uploadUrl: t.exposeString('uploadUrl'),
    contentType: t.exposeString('contentType'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const uploadType = z.enum(Object.keys(UPLOAD_TYPES) as [UploadType], { error: 'JPEG, PNG or WebP only.' });
const CreateUploadInput = builder.inputType('CreateUploadInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    contentType: t.string({ required: true, validate: uploadType }),
    byteSize: t.int({
      required: true,
      validate: z.number().int().min(1, 'The file is empty.').max(MAX_UPLOAD_BYTES, 'At most 10 MB.'),
    }),
  }),
});
const RegisterUploadInput = builder.inputType('RegisterUploadInput', {
  fields: (t) => ({ projectId: t.id({ required: true }), uploadId: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  createUpload: t.field({
    type: PendingUpload,
    authScopes: { user: true },
    args: { input: t.arg({ type: CreateUploadInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_r, { input }, ctx) =>
      createUpload(ctx.deps, actorOf(ctx), {
        projectId: nodeRef(input.projectId, 'Project'),
        contentType: uploadType.parse(input.contentType),
      }),
  }),
  registerUpload: t.field({
    type: Image,
    authScopes: { user: true },
    args: { input: t.arg({ type: RegisterUploadInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_r, { input }, ctx) =>
      registerUpload(ctx.deps, actorOf(ctx), {
        projectId: nodeRef(input.projectId, 'Project'),
        uploadId: input.uploadId,
      }),
  }),
}));
