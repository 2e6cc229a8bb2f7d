// Input schemas of the emulated endpoints, close to fal's own (pydantic): unknown fields are ignored,
// a wrong field is a 422 whose `detail` lists `{ loc, msg, type }` like FastAPI does.
import { z } from 'zod';
import type { FalModel } from './models.ts';

export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export const FLUX_PRESETS: Record<string, { width: number; height: number }> = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
};

const presetNames = Object.keys(FLUX_PRESETS) as [string, ...string[]];
const prompt = z.string().min(1);
const url = z.string().regex(/^(https?:\/\/|data:)/, 'Input should be a valid URL');

const fluxCommon = {
  prompt,
  num_inference_steps: z.int().min(1).max(50).optional(),
  seed: z.int().optional(),
  guidance_scale: z.number().min(1).max(20).optional(),
  num_images: z.int().min(1).max(4).default(1),
  enable_safety_checker: z.boolean().default(true),
  output_format: z.enum(['jpeg', 'png']).default('jpeg'),
  sync_mode: z.boolean().optional(),
};

const fluxTextToImage = z.looseObject({
  ...fluxCommon,
  image_size: z
    .union([z.enum(presetNames), z.object({ width: z.int().min(64).max(4096), height: z.int().min(64).max(4096) })])
    .default('landscape_4_3'),
});

const fluxImageToImage = z.looseObject({
  ...fluxCommon,
  image_url: url,
  strength: z.number().min(0.01).max(1).default(0.95),
});

// FLUX.1 Kontext [pro] (fal-ai/flux-pro/kontext): no strength, no image_size, no enable_safety_checker.
const fluxKontext = z.looseObject({
  prompt,
  image_url: url,
  seed: z.int().optional(),
  guidance_scale: z.number().min(1).max(20).default(3.5),
  sync_mode: z.boolean().optional(),
  num_images: z.int().min(1).max(4).default(1),
  output_format: z.enum(['jpeg', 'png']).default('jpeg'),
  safety_tolerance: z.enum(['1', '2', '3', '4', '5', '6']).default('2'),
  aspect_ratio: z.enum(['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21']).optional(),
});

const seedanceCommon = {
  prompt,
  resolution: z.enum(['480p', '720p', '1080p']).default('1080p'),
  duration: z.enum(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']).default('5'),
  camera_fixed: z.boolean().optional(),
  seed: z.int().optional(),
  enable_safety_checker: z.boolean().optional(),
  // Seedance v1 pro has no sound; newer versions do unless told not to, and the emulator plays the newer ones.
  generate_audio: z.boolean().default(true),
};
const ratios = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;

const seedanceImageToVideo = z.looseObject({
  ...seedanceCommon,
  image_url: url,
  end_image_url: url.optional(),
  aspect_ratio: z.enum([...ratios, 'auto']).default('auto'),
});

const seedanceTextToVideo = z.looseObject({
  ...seedanceCommon,
  aspect_ratio: z.enum(ratios).default('16:9'),
});

export const endpointSchemas = {
  'fal-ai/flux/dev': fluxTextToImage,
  'fal-ai/flux/dev/image-to-image': fluxImageToImage,
  'fal-ai/bytedance/seedance/v1/pro/image-to-video': seedanceImageToVideo,
  'fal-ai/bytedance/seedance/v1/pro/text-to-video': seedanceTextToVideo,
  // Pro Fast takes the same inputs as Pro (fal's model pages), image-to-video defaulting to `auto` too.
  'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video': seedanceImageToVideo,
  'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video': seedanceTextToVideo,
  'fal-ai/flux-pro/kontext': fluxKontext,
} satisfies Record<FalModel, z.ZodType>;

export type FluxTextToImageArgs = z.infer<typeof fluxTextToImage>;
export type FluxImageToImageArgs = z.infer<typeof fluxImageToImage>;
export type FluxKontextArgs = z.infer<typeof fluxKontext>;
export type SeedanceImageToVideoArgs = z.infer<typeof seedanceImageToVideo>;
export type SeedanceTextToVideoArgs = z.infer<typeof seedanceTextToVideo>;

function toDetail(issue: z.core.$ZodIssue, body: unknown): ValidationDetail {
  const loc = ['body', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  let value: unknown = body;
  for (const p of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[p];
  if (issue.code === 'invalid_type' && value === undefined) return { loc, msg: 'Field required', type: 'missing' };
  const type =
    issue.code === 'invalid_type'
      ? `${issue.expected}_type`
      : issue.code === 'invalid_value'
        ? 'enum'
        : issue.code === 'too_small'
          ? 'greater_than_equal'
          : issue.code === 'too_big'
            ? 'less_than_equal'
            : 'value_error';
  return { loc, msg: issue.message, type };
}

export type ValidatedInput = { ok: true; input: Record<string, unknown> } | { ok: false; detail: ValidationDetail[] };

export function validateInput(endpoint: FalModel, body: unknown): ValidatedInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, detail: [{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' }] };
  }
  const parsed = endpointSchemas[endpoint].safeParse(body);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, detail: parsed.error.issues.map((i) => toDetail(i, body)) };
}
