// fal's result payloads as we read them: only what the output schemas mark required, plus the seed we keep.
import { z } from 'zod';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Only `url` is required by fal's output schema; callers measure the bytes they download anyway. */
export interface FluxImage {
  url: string;
  width?: number;
  height?: number;
  contentType: string;
}

const INT32_MAX = 2 ** 31 - 1;
// The seed is kept as a 32-bit Int (column and GraphQL); one fal reports outside that range is dropped, not refused:
// the media is what was paid for.
const seed = z
  .unknown()
  .optional()
  .transform((s) =>
    typeof s === 'number' && Number.isInteger(s) && s >= -INT32_MAX - 1 && s <= INT32_MAX ? s : undefined,
  );

const fluxResultSchema = z.object({
  images: z
    .array(
      z.object({
        url: z.string().min(1),
        width: z.number().int().positive().nullish(),
        height: z.number().int().positive().nullish(),
        content_type: z
          .string()
          .nullish()
          .transform((t) => t ?? 'image/jpeg'),
      }),
    )
    .min(1, 'no image in the result'),
  has_nsfw_concepts: z.array(z.boolean()).optional(),
  seed,
});

const seedanceResultSchema = z.object({ video: z.object({ url: z.string().min(1) }), seed });

function fail(what: string, error: z.ZodError): { ok: false; error: string } {
  const details = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return { ok: false, error: `unexpected ${what} result from fal (${details.join('; ')})` };
}

/** FLUX dev and FLUX Kontext answer the same shape. */
export function parseFluxResult(
  payload: unknown,
): ParseResult<{ images: FluxImage[]; nsfw: boolean[]; seed?: number | undefined }> {
  const parsed = fluxResultSchema.safeParse(payload);
  if (!parsed.success) return fail('FLUX', parsed.error);
  const { images, has_nsfw_concepts, seed } = parsed.data;
  return {
    ok: true,
    value: {
      images: images.map((i) => ({
        url: i.url,
        ...(i.width && i.height ? { width: i.width, height: i.height } : {}),
        contentType: i.content_type,
      })),
      nsfw: images.map((_, n) => has_nsfw_concepts?.[n] ?? false),
      ...(seed === undefined ? {} : { seed }),
    },
  };
}

export function parseSeedanceResult(payload: unknown): ParseResult<{ videoUrl: string; seed?: number | undefined }> {
  const parsed = seedanceResultSchema.safeParse(payload);
  if (!parsed.success) return fail('Seedance', parsed.error);
  const { video, seed } = parsed.data;
  return { ok: true, value: { videoUrl: video.url, ...(seed === undefined ? {} : { seed }) } };
}
