// Longer descriptions of avatar.ts's and avatar-studio.ts's types and operations (kept apart so those files stay
// one screen of code each).
import { generationDocs } from './generation.docs.ts';
import { GENERATION_ERRORS, GENERATION_LIMITS, operationDoc, WHO } from '../docs.ts';

const OWN = 'NotFoundError (missing, or not yours: admins may also act on any public avatar), ValidationError.';

export const avatarDocs = {
  ...generationDocs,
  Avatar:
    "A mute video avatar (Seedance image-to-video of a reference image). PRIVATE ones are their owner's; " +
    "SUCCEEDED PUBLIC ones are the catalog, anyone's to see (admins also see unfinished public ones).",
  Visibility: 'Who may see an avatar.',
  visibilities: {
    PUBLIC: { description: 'In the catalog once SUCCEEDED: anyone (API keys too) may see and download it.' },
    PRIVATE: { description: 'Only its owner sees it (node, library, projects it was added to).' },
  },
  updatePublicAvatar: operationDoc('Renames a public avatar and/or replaces its tags.', {
    who: WHO.admin,
    errors: 'NotFoundError (not a public avatar), UnknownTagsError (slugs that name no tag), ValidationError.',
  }),
  createAvatar: operationDoc(
    'Starts a mute avatar video from a reference image (Seedance image-to-video, 1080p). Returns the PENDING ' +
      'avatar at once; avatarUpdated and projectUpdated tell when its video is ready. Billed on success only: ' +
      'about $0.124 per second STANDARD, $0.0486 FAST (see `quote`).',
    { who: WHO.user, limits: GENERATION_LIMITS, errors: GENERATION_ERRORS },
  ),
  createPublicAvatar: operationDoc(
    'The same pipeline for the catalog: a PUBLIC avatar with tags, stored under the public paths; it joins the ' +
      'catalog once SUCCEEDED.',
    {
      who: WHO.admin,
      limits: 'admins are exempt from the generation caps.',
      errors:
        'NotFoundError (no such image of yours), UnknownTagsError, GenerationLimitError (only if admins were not ' +
        'exempt), ValidationError.',
    },
  ),
  retryAvatar: operationDoc(
    'Submits a FAILED or CANCELLED avatar again with the same inputs: PENDING again (a new attempt in usage).',
    {
      who: WHO.user,
      limits: GENERATION_LIMITS,
      errors:
        'NotFoundError, GenerationLimitError, ValidationError (not FAILED or CANCELLED, or its reference is gone).',
    },
  ),
  renameAvatar: operationDoc('Renames an avatar, in every project it is listed in.', { who: WHO.user, errors: OWN }),
  deleteAvatar: operationDoc(
    'Deletes the avatar, its reference image and video, and its links to projects; a late result for it is ' +
      'ignored. Admins may delete any public avatar: it leaves the catalog at once.',
    { who: WHO.user, errors: OWN },
  ),
  avatarUpdated: operationDoc(
    'Every change of one of your avatars (status, progress, name); null once it is deleted. Over WebSocket.',
    { who: WHO.user, errors: "NotFoundError as a GraphQL error for a missing or someone else's avatar." },
  ),
} as const;
