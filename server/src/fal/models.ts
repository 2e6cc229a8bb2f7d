// The fal models we use: endpoint ids, allowed values, input builders, estimated prices and result parsers.
// Callers validate with the allowed values BEFORE submitting: a refused input must not cost a generation.
import { z } from 'zod';

export const FAL_MODELS = [
  'fal-ai/flux/dev',
  'fal-ai/flux/dev/image-to-image',
  'fal-ai/bytedance/seedance/v1/pro/image-to-video',
  'fal-ai/bytedance/seedance/v1/pro/text-to-video',
  'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video',
  'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video',
  'fal-ai/flux-pro/kontext',
] as const;
export type FalModel = (typeof FAL_MODELS)[number];

export const isFalModel = (value: string): value is FalModel => (FAL_MODELS as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------------- allowed values

export const FLUX_ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4'] as const;
export type FluxAspectRatio = (typeof FLUX_ASPECT_RATIOS)[number];

/** fal's `image_size` presets for FLUX dev and the pixel size each one produces. */
export const FLUX_IMAGE_SIZES: Record<FluxAspectRatio, { preset: string; width: number; height: number }> = {
  '1:1': { preset: 'square_hd', width: 1024, height: 1024 },
  '16:9': { preset: 'landscape_16_9', width: 1024, height: 576 },
  '9:16': { preset: 'portrait_16_9', width: 576, height: 1024 },
  '4:3': { preset: 'landscape_4_3', width: 1024, height: 768 },
  '3:4': { preset: 'portrait_4_3', width: 768, height: 1024 },
};

export const FLUX_STRENGTH_MIN = 0.01;
export const FLUX_STRENGTH_MAX = 1;

export const SEEDANCE_DURATIONS = [5, 10] as const;
export type SeedanceDuration = (typeof SEEDANCE_DURATIONS)[number];
export const SEEDANCE_ASPECT_RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;
export type SeedanceAspectRatio = (typeof SEEDANCE_ASPECT_RATIOS)[number];
export const SEEDANCE_RESOLUTION = '1080p';
export const SEEDANCE_DEFAULT_DURATION: SeedanceDuration = 5;

/** Seedance 1 Pro, or Seedance 1 Pro Fast: same inputs and output, about 60% cheaper. */
export const VIDEO_QUALITIES = ['STANDARD', 'FAST'] as const;
export type VideoQuality = (typeof VIDEO_QUALITIES)[number];
export const videoQualitySchema = z.enum(VIDEO_QUALITIES);
export const SEEDANCE_MODELS = {
  STANDARD: {
    imageToVideo: 'fal-ai/bytedance/seedance/v1/pro/image-to-video',
    textToVideo: 'fal-ai/bytedance/seedance/v1/pro/text-to-video',
  },
  FAST: {
    imageToVideo: 'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video',
    textToVideo: 'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video',
  },
} as const satisfies Record<VideoQuality, Record<'imageToVideo' | 'textToVideo', FalModel>>;

/** Prompts longer than this are refused before submitting (fal's own limit is not documented per model). */
export const PROMPT_MAX_LENGTH = 2000;

export const promptSchema = z.string().trim().min(1, 'the prompt is empty').max(PROMPT_MAX_LENGTH);
export const fluxAspectRatioSchema = z.enum(FLUX_ASPECT_RATIOS);
export const fluxStrengthSchema = z.number().min(FLUX_STRENGTH_MIN).max(FLUX_STRENGTH_MAX);
export const seedanceDurationSchema = z.literal(SEEDANCE_DURATIONS);
export const seedanceAspectRatioSchema = z.enum(SEEDANCE_ASPECT_RATIOS);

export const isSeedanceDuration = (n: unknown): n is SeedanceDuration => seedanceDurationSchema.safeParse(n).success;
export const isSeedanceAspectRatio = (s: unknown): s is SeedanceAspectRatio =>
  seedanceAspectRatioSchema.safeParse(s).success;
export const isFluxAspectRatio = (s: unknown): s is FluxAspectRatio => fluxAspectRatioSchema.safeParse(s).success;

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RangeError(`${what}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------- input builders
// Builders throw RangeError on values outside the allowed sets: callers are expected to have validated already.

// A type, not an interface: it must stay assignable to the gateway's Record<string, unknown>.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type FluxTextToImageInput = {
  prompt: string;
  image_size: string;
  /** 1–4: fal answers that many `images[]`, in order, with one seed. */
  num_images: number;
  output_format: 'png';
  enable_safety_checker: true;
};

/** FLUX dev's `num_images` range: how many variants one request may make. */
export const FLUX_MAX_IMAGES = 4;
export const fluxNumImagesSchema = z.int().min(1).max(FLUX_MAX_IMAGES);

export function fluxTextToImageInput(o: {
  prompt: string;
  aspectRatio: FluxAspectRatio;
  numImages?: number | undefined;
}): FluxTextToImageInput {
  const ratio = check(fluxAspectRatioSchema, o.aspectRatio, 'aspect ratio');
  return {
    prompt: check(promptSchema, o.prompt, 'prompt'),
    image_size: FLUX_IMAGE_SIZES[ratio].preset,
    num_images: check(fluxNumImagesSchema, o.numImages ?? 1, 'number of images'),
    output_format: 'png',
    enable_safety_checker: true,
  };
}

// A type, not an interface: it must stay assignable to the gateway's Record<string, unknown>.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type FluxImageToImageInput = {
  image_url: string;
  prompt: string;
  strength: number;
  num_images: 1;
  output_format: 'png';
  enable_safety_checker: true;
};

export function fluxImageToImageInput(o: {
  imageUrl: string;
  prompt: string;
  strength: number;
}): FluxImageToImageInput {
  return {
    image_url: check(z.url(), o.imageUrl, 'image URL'),
    prompt: check(promptSchema, o.prompt, 'prompt'),
    strength: check(fluxStrengthSchema, o.strength, 'strength'),
    num_images: 1,
    output_format: 'png',
    enable_safety_checker: true,
  };
}

/** Seedance needs a prompt; an avatar made from a portrait only needs to come alive, quietly. */
export const DEFAULT_AVATAR_PROMPT =
  'The person looks at the camera with a natural, subtle expression, breathing and blinking, slight head movement, ' +
  'static camera';

// A type, not an interface: it must stay assignable to the gateway's Record<string, unknown>.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type SeedanceImageToVideoInput = {
  image_url: string;
  prompt: string;
  duration: `${SeedanceDuration}`;
  aspect_ratio: SeedanceAspectRatio | 'auto';
  resolution: typeof SEEDANCE_RESOLUTION;
  camera_fixed: boolean;
  generate_audio: false;
};

export function seedanceImageToVideoInput(o: {
  imageUrl: string;
  prompt?: string;
  durationSeconds?: SeedanceDuration;
  aspectRatio?: SeedanceAspectRatio;
}): SeedanceImageToVideoInput {
  const duration = check(seedanceDurationSchema, o.durationSeconds ?? SEEDANCE_DEFAULT_DURATION, 'duration (seconds)');
  return {
    image_url: check(z.url(), o.imageUrl, 'image URL'),
    prompt: check(promptSchema, o.prompt ?? DEFAULT_AVATAR_PROMPT, 'prompt'),
    duration: `${duration}`,
    // 'auto' keeps the reference image's proportions.
    aspect_ratio:
      o.aspectRatio === undefined ? 'auto' : check(seedanceAspectRatioSchema, o.aspectRatio, 'aspect ratio'),
    resolution: SEEDANCE_RESOLUTION,
    camera_fixed: true,
    generate_audio: false,
  };
}

// A type, not an interface: it must stay assignable to the gateway's Record<string, unknown>.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type SeedanceTextToVideoInput = {
  prompt: string;
  duration: `${SeedanceDuration}`;
  aspect_ratio: SeedanceAspectRatio;
  resolution: typeof SEEDANCE_RESOLUTION;
  camera_fixed: boolean;
  generate_audio: false;
};

export function seedanceTextToVideoInput(o: {
  prompt: string;
  durationSeconds?: SeedanceDuration;
  aspectRatio?: SeedanceAspectRatio;
}): SeedanceTextToVideoInput {
  const duration = check(seedanceDurationSchema, o.durationSeconds ?? SEEDANCE_DEFAULT_DURATION, 'duration (seconds)');
  return {
    prompt: check(promptSchema, o.prompt, 'prompt'),
    duration: `${duration}`,
    aspect_ratio: check(seedanceAspectRatioSchema, o.aspectRatio ?? '16:9', 'aspect ratio'),
    resolution: SEEDANCE_RESOLUTION,
    camera_fixed: false,
    generate_audio: false,
  };
}

// A type, not an interface: it must stay assignable to the gateway's Record<string, unknown>.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type FluxKontextInput = {
  image_url: string;
  prompt: string;
  num_images: 1;
  output_format: 'png';
  safety_tolerance: '2';
};

/** FLUX Kontext pro: an instruction edit ("make the coat red"); the output keeps the input's proportions. */
export function fluxKontextInput(o: { imageUrl: string; prompt: string }): FluxKontextInput {
  return {
    image_url: check(z.url(), o.imageUrl, 'image URL'),
    prompt: check(promptSchema, o.prompt, 'prompt'),
    num_images: 1,
    output_format: 'png',
    // fal's default; Kontext has no enable_safety_checker.
    safety_tolerance: '2',
  };
}

// ---------------------------------------------------------------------------------------------- prices
// ESTIMATES in USD, kept in this one place; check fal's pricing pages before trusting them for billing.
// FLUX dev bills per megapixel (1024×1024 px), rounded up: $0.025 text-to-image, $0.03 image-to-image
// (of the input, which the output follows); Seedance 1.0 pro ≈ $0.62 for 5 s of 1080p ($2.5 per million video
// tokens), Pro Fast ≈ $0.243 ($1 per million); FLUX Kontext pro $0.04 per image, whatever its size.

export type FalPrice =
  { unit: 'megapixel'; usd: number } | { unit: 'video-second'; usd: number } | { unit: 'image'; usd: number };

export const FAL_PRICES: Record<FalModel, FalPrice> = {
  'fal-ai/flux/dev': { unit: 'megapixel', usd: 0.025 },
  'fal-ai/flux/dev/image-to-image': { unit: 'megapixel', usd: 0.03 },
  'fal-ai/bytedance/seedance/v1/pro/image-to-video': { unit: 'video-second', usd: 0.124 },
  'fal-ai/bytedance/seedance/v1/pro/text-to-video': { unit: 'video-second', usd: 0.124 },
  'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video': { unit: 'video-second', usd: 0.0486 },
  'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video': { unit: 'video-second', usd: 0.0486 },
  'fal-ai/flux-pro/kontext': { unit: 'image', usd: 0.04 },
};

const roundUsd = (usd: number) => Math.round(usd * 10_000) / 10_000;

export function estimateImageCostUsd(model: FalModel, width: number, height: number, count = 1): number {
  const price = FAL_PRICES[model];
  if (price.unit !== 'megapixel') throw new RangeError(`${model} is not priced per image`);
  return roundUsd(Math.ceil((width * height) / (1024 * 1024)) * price.usd * count);
}

export function estimateVideoCostUsd(model: FalModel, durationSeconds: number): number {
  const price = FAL_PRICES[model];
  if (price.unit !== 'video-second') throw new RangeError(`${model} is not priced per second of video`);
  return roundUsd(durationSeconds * price.usd);
}

/**
 * The estimate for one submission of `input` (as built above). Image-to-image is billed on the size of
 * `inputImage` (the output has the same); without it, one megapixel is assumed.
 */
export function estimateCostUsd(
  model: FalModel,
  input: Record<string, unknown>,
  inputImage?: { width: number; height: number },
): number {
  const count = typeof input.num_images === 'number' ? input.num_images : 1;
  const price = FAL_PRICES[model];
  if (price.unit === 'image') return roundUsd(price.usd * count);
  if (model === 'fal-ai/flux/dev') {
    const size = Object.values(FLUX_IMAGE_SIZES).find((s) => s.preset === input.image_size) ?? FLUX_IMAGE_SIZES['4:3'];
    return estimateImageCostUsd(model, size.width, size.height, count);
  }
  if (model === 'fal-ai/flux/dev/image-to-image')
    return estimateImageCostUsd(model, inputImage?.width ?? 1024, inputImage?.height ?? 1024, count);
  const seconds = Number(input.duration ?? SEEDANCE_DEFAULT_DURATION);
  return estimateVideoCostUsd(model, Number.isFinite(seconds) ? seconds : SEEDANCE_DEFAULT_DURATION);
}

export { parseFluxResult, parseSeedanceResult, type FluxImage, type ParseResult } from './results.ts';
