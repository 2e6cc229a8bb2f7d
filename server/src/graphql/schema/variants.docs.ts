// Descriptions of the variant fields and operations (variants.ts, and the `count` inputs and lists of
// image.ts and b-roll-studio.ts).
import { operationDoc, WHO } from '../docs.ts';

const pickErrors = (what: string, more = '') =>
  `NotFoundError (no such ${what} of yours), ValidationError on \`["input","id"]\` (it has no other variants` +
  `, one of them is still PENDING${more}); nothing changes then.`;

export const variantDocs = {
  variantGroupId:
    'The variants made by one request with `count` > 1 share this ID; null for a single one (or once picked).',
  variantIndex: 'Its place among its variants, from 0 (0 without a group).',
  variantCount: 'How many variants its request made, 1–4 (1 without a group, or once one was picked).',
  imageCount:
    'Variants, 1–4 (default 1): that many images from one FLUX request (`num_images`). Each is an Image of its ' +
    'own, priced, billed and counted in the limits as one generation; all must fit the caps, or none is made.',
  bRollCount:
    'Variants, 1–4 (default 1): that many b-rolls, one Seedance request each. Each is priced, billed and counted ' +
    'in the limits as one generation; all must fit the caps, or none is made.',
  images: 'Every image the request made, in variant order (`data` is the first); one without `count` > 1.',
  bRolls: 'Every b-roll the request made, in variant order (`data` is the first); one without `count` > 1.',
  pickImageVariant: operationDoc(
    'Keeps this variant of a generateImage(count) and deletes the others (rows and files): the kept image ' +
      'becomes a single one (variantGroupId null) and keeps the request’s idempotencyKey. Only once all ' +
      'variants are final; what they cost stays in usage. projectUpdated tells of each deleted one.',
    { who: WHO.user, errors: pickErrors('image', ', or another one is used by an avatar or a b-roll') },
  ),
  pickBRollVariant: operationDoc(
    'Keeps this variant of a createBRoll(count) and deletes the others (rows, videos and thumbnails): the kept ' +
      'b-roll becomes a single one (variantGroupId null) and keeps the request’s idempotencyKey. Only once all ' +
      'variants are final; what they cost stays in usage. projectUpdated tells of each deleted one.',
    { who: WHO.user, errors: pickErrors('b-roll') },
  ),
} as const;
