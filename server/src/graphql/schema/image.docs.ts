// Longer descriptions of image.ts's types and operations (kept apart so image.ts stays one screen of code).
import { GENERATION_ERRORS, GENERATION_LIMITS, operationDoc, WHO } from '../docs.ts';
import { PROMPT_MAX_LENGTH } from '../../fal/models.ts';
import { generationDocs } from './generation.docs.ts';

export const imageDocs = {
  ...generationDocs,
  Image:
    'A studio image of a project: generated (FLUX), an edit of another, or uploaded; the reference of avatars ' +
    'and image-to-video b-rolls. Only its owner sees it; unused ones are deleted after 24 hours ' +
    '(TEMP_IMAGE_TTL_HOURS).',
  contentType: 'MIME type of the stored file (image/png, image/jpeg, image/webp); null until SUCCEEDED.',
  prompt: `What the image shows, 1–${PROMPT_MAX_LENGTH} characters (trimmed); may span lines.`,
  editPrompt:
    `1–${PROMPT_MAX_LENGTH} characters. STRENGTH: the result described; INSTRUCTION: what to change ` +
    '("make the coat red").',
  generateImage: operationDoc(
    'FLUX dev text-to-image, 1024 pixels on the long side; `count` variants (1–4) from one request, each an ' +
      'Image of its own (`images`). Returns the PENDING image(s) at once; projectUpdated tells when each is ' +
      'done. Billed on success only: $0.025 per megapixel, rounded up, per image (see `quote`).',
    { who: WHO.user, limits: GENERATION_LIMITS, errors: GENERATION_ERRORS },
  ),
  editImage: operationDoc(
    'FLUX dev image-to-image (mode STRENGTH, $0.03 per megapixel of the input) or FLUX Kontext pro (INSTRUCTION, ' +
      '$0.04 per image). Returns the PENDING edit at once (FAILED with a reason if the generator cannot be ' +
      'reached); projectUpdated tells when it is done.',
    {
      who: WHO.user,
      limits: GENERATION_LIMITS,
      errors:
        'NotFoundError (no such image of yours), GenerationLimitError, ValidationError (a `strength` with ' +
        'INSTRUCTION, or out of range); nothing is written or sent then.',
    },
  ),
} as const;
