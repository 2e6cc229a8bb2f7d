// Longer descriptions of b-roll.ts's and b-roll-studio.ts's types and operations.
import { GENERATION_ERRORS, GENERATION_LIMITS, operationDoc, WHO } from '../docs.ts';
import { PROMPT_MAX_LENGTH } from '../../fal/models.ts';
import { generationDocs } from './generation.docs.ts';

export const bRollDocs = {
  ...generationDocs,
  BRoll:
    'A mute video clip for an ad (Seedance text-to-video or image-to-video), with a thumbnail. Only its owner ' +
    'sees it.',
  sources: {
    TEXT_TO_VIDEO: { description: 'Made from the prompt alone.' },
    IMAGE_TO_VIDEO: { description: 'One of your studio images animated as the prompt says.' },
  },
  userBRolls: 'Every b-roll you made, in any project, newest first.',
  prompt: `What the clip shows, 1–${PROMPT_MAX_LENGTH} characters (trimmed); may span lines.`,
  imageId:
    'A SUCCEEDED studio image of yours to animate (image-to-video); it stays in the studio. Without it: ' +
    'text-to-video.',
  createBRoll: operationDoc(
    'Starts a b-roll (Seedance 1 Pro, or Pro Fast with quality FAST). Returns the PENDING b-roll at once; ' +
      'bRollUpdated and projectUpdated tell when its video and thumbnail are ready. Billed on success only: ' +
      'about $0.124 per second STANDARD, $0.0486 FAST (see `quote`).',
    { who: WHO.user, limits: GENERATION_LIMITS, errors: GENERATION_ERRORS },
  ),
  retryBRoll: operationDoc(
    'Submits a FAILED or CANCELLED b-roll again with the same inputs: PENDING again (a new attempt in usage).',
    {
      who: WHO.user,
      limits: GENERATION_LIMITS,
      errors: 'NotFoundError, GenerationLimitError, ValidationError (not FAILED or CANCELLED).',
    },
  ),
  renameBRoll: operationDoc('Renames a b-roll.', { who: WHO.user, errors: 'NotFoundError, ValidationError.' }),
  deleteBRoll: operationDoc('Deletes the b-roll, its video and thumbnail; a late result for it is ignored.', {
    who: WHO.user,
    errors: 'NotFoundError, ValidationError.',
  }),
  bRollUpdated: operationDoc(
    'Every change of one of your b-rolls (status, progress, name); null once it is deleted. Over WebSocket.',
    { who: WHO.user, errors: "NotFoundError as a GraphQL error for a missing or someone else's b-roll." },
  ),
} as const;
