// fal's result payloads read as what a kind stores: an image, a video, or the reason there is none.
import { parseFluxResult, parseSeedanceResult } from '../../fal/models.ts';
import type { FalResult, Outcome } from './types.ts';

/** The image of variant `index` (fal answers `images[]` in order, with one seed for the request). */
export function fluxImageResult(payload: unknown, index = 0): FalResult {
  const parsed = parseFluxResult(payload);
  if (!parsed.ok) return { kind: 'failed', reason: parsed.error };
  const { images, nsfw, seed } = parsed.value;
  const image = images[index];
  if (!image) {
    const reason = `The generator returned ${images.length} image(s); variant ${index + 1} is missing.`;
    return { kind: 'failed', reason };
  }
  return { kind: 'image', url: image.url, nsfw: nsfw[index] ?? false, seed: seed ?? null };
}

export function seedanceVideoResult(payload: unknown): FalResult {
  const parsed = parseSeedanceResult(payload);
  if (!parsed.ok) return { kind: 'failed', reason: parsed.error };
  return { kind: 'video', url: parsed.value.videoUrl, seed: parsed.value.seed ?? null };
}

/** A reason a person can read, from fal's validation detail (`{ loc, msg, type }[]`) or its error string. */
export function readableFailure(outcome: Outcome): string {
  const detail = (outcome.payload as { detail?: unknown } | null | undefined)?.detail;
  const items = Array.isArray(detail) ? (detail as ({ msg?: unknown; loc?: unknown } | null)[]) : [];
  const parts = items.flatMap((d) => {
    if (typeof d?.msg !== 'string' || !d.msg) return [];
    const loc = Array.isArray(d.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
    return [loc ? `${loc}: ${d.msg}` : d.msg];
  });
  if (parts.length) return `The generator refused the request: ${parts.slice(0, 5).join('; ')}.`;
  if (typeof detail === 'string' && detail) return `The generator refused the request: ${detail}`;
  if (outcome.error) return `The generation failed: ${outcome.error}`;
  return 'The generation failed without a reason from the provider.';
}

/** The reason a submission could not reach fal. */
export const unreachable = (message: string) => `The generator could not be reached (${message}). Try again.`;
