// Uploads to a studio: a presigned PUT straight to storage, then registered as an Image. Adapters of
// domain/studio-images.
import { z } from 'zod';
import { createUpload } from '../../domain/studio-images/create-upload.ts';
import { registerUpload } from '../../domain/studio-images/register-upload.ts';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type UploadType } from '../../domain/studio-images/uploads.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data, operationDoc, WHO } from '../docs.ts';
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
    uploadId: t.exposeString('uploadId', { description: 'Pass it to registerUpload once the PUT succeeded.' }),
    uploadUrl: t.exposeString('uploadUrl', { description: 'Presigned PUT URL of the storage, valid 15 minutes.' }),
    contentType: t.exposeString('contentType', { description: 'The Content-Type header the PUT must carry.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When uploadUrl stops working.' }),
  }),
});

const uploadType = z.enum(Object.keys(UPLOAD_TYPES) as [UploadType], { error: 'JPEG, PNG or WebP only.' });
const CreateUploadInput = builder.inputType('CreateUploadInput', {
  description: 'The image file you are about to upload.',
  fields: (t) => ({
    projectId: t.id({ required: true, description: 'The global ID of one of your projects.' }),
    contentType: t.string({
      required: true,
      description: 'image/jpeg, image/png or image/webp.',
      validate: uploadType,
    }),
    byteSize: t.int({
      required: true,
      description: 'The file size in bytes: 1 to 10 MB (10 485 760).',
      validate: z.number().int().min(1, 'The file is empty.').max(MAX_UPLOAD_BYTES, 'At most 10 MB.'),
    }),
  }),
});
const RegisterUploadInput = builder.inputType('RegisterUploadInput', {
  description: 'An upload whose PUT succeeded.',
  fields: (t) => ({
    projectId: t.id({ required: true, description: 'The project given to createUpload.' }),
    uploadId: t.string({ required: true, description: 'PendingUpload.uploadId.' }),
  }),
});
const who = { who: WHO.user, errors: 'NotFoundError (no such project of yours), ValidationError.' };

builder.mutationFields((t) => ({
  createUpload: t.field({
    type: PendingUpload,
    authScopes: { user: true },
    description: operationDoc('Step 1 of an upload: a presigned PUT URL for a JPEG, PNG or WebP file.', {
      ...who,
      limits: 'at most 10 MB; the URL works 15 minutes; an upload never registered is swept after 24 hours.',
    }),
    args: { input: t.arg({ type: CreateUploadInput, required: true, description: 'The file to upload.' }) },
    errors: { types: [NotFoundError], ...data('Where to PUT the file.') },
    resolve: (_r, { input }, ctx) =>
      createUpload(ctx.deps, actorOf(ctx), {
        projectId: nodeRef(input.projectId, 'Project'),
        contentType: uploadType.parse(input.contentType),
      }),
  }),
  registerUpload: t.field({
    type: Image,
    authScopes: { user: true },
    description: operationDoc(
      'Step 2: makes the uploaded file a SUCCEEDED studio image (source UPLOAD). The stored bytes are checked: ' +
        'anything that is not the declared image type, or too big, is refused and deleted (ValidationError).',
      who,
    ),
    args: { input: t.arg({ type: RegisterUploadInput, required: true, description: 'The finished upload.' }) },
    errors: { types: [NotFoundError], ...data('The new image.') },
    resolve: (_r, { input }, ctx) =>
      registerUpload(ctx.deps, actorOf(ctx), {
        projectId: nodeRef(input.projectId, 'Project'),
        uploadId: input.uploadId,
      }),
  }),
}));
