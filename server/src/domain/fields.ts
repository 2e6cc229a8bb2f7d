// The rules of values many use cases accept, written once. GraphQL adapters hand them to the input
// boundary (`validate:` on an argument), so a refusal is a typed ValidationError with the value's path.
import { z } from 'zod';
import { isSeedanceDuration, PROMPT_MAX_LENGTH, SEEDANCE_DURATIONS } from '../fal/models.ts';
import { invalid } from './errors.ts';

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

/** How many variants one generateImage or createBRoll makes (FLUX's `num_images` range): each is its own row. */
export const VARIANT_COUNT_RULE = 'Between 1 and 4.';
export const variantCount = z.number().int(VARIANT_COUNT_RULE).min(1, VARIANT_COUNT_RULE).max(4, VARIANT_COUNT_RULE);

/** The variant count of a use case's input, checked there too (a caller other than GraphQL). */
export function variantCountOf(count: number | null | undefined): number {
  const parsed = variantCount.safeParse(count ?? 1);
  if (!parsed.success) throw invalid(['input', 'count'], VARIANT_COUNT_RULE);
  return parsed.data;
}
