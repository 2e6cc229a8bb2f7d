// The rules of values many use cases accept, written once. GraphQL adapters hand them to the input
// boundary (`validate:` on an argument), so a refusal is a typed ValidationError with the value's path.
import { z } from 'zod';
import { isSeedanceDuration, PROMPT_MAX_LENGTH, SEEDANCE_DURATIONS } from '../fal/models.ts';

/** A display name: a project, an avatar, a b-roll, an API key, a person. */
export const displayName = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');

/** A tag or category name, shorter: it is a filter chip. */
export const tagName = z.string().trim().min(1, 'Required.').max(60, 'At most 60 characters.');

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lowercase letters, digits and dashes.')
  .max(50, 'At most 50 characters.');

/** What a generator is asked for. */
export const prompt = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(PROMPT_MAX_LENGTH, `At most ${PROMPT_MAX_LENGTH} characters.`);

/** A Seedance clip's length in seconds (avatars, b-rolls, quotes). */
export const VIDEO_DURATION_RULE = `Must be ${SEEDANCE_DURATIONS.join(' or ')}.`;
export const videoDuration = z.number().refine(isSeedanceDuration, VIDEO_DURATION_RULE);

export const tagSlugs = z.array(z.string().max(50)).max(30, 'At most 30 tags.');
