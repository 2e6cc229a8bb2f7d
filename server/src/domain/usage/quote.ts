import type { Deps } from '../../app/deps.ts';
import {
  estimateCostUsd,
  isFluxAspectRatio,
  isSeedanceAspectRatio,
  isSeedanceDuration,
  SEEDANCE_DEFAULT_DURATION,
  type VideoQuality,
} from '../../fal/models.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { VIDEO_DURATION_RULE } from '../fields.ts';
import type { NodeRef } from '../ids.ts';
import { avatar, avatarFast } from '../generations/kinds/avatar.ts';
import { bRollFromImage, bRollFromImageFast } from '../generations/kinds/b-roll-from-image.ts';
import { bRollFromText, bRollFromTextFast } from '../generations/kinds/b-roll-from-text.ts';
import { imageSize, imageToImage } from '../generations/kinds/image-to-image.ts';
import { instructionEdit } from '../generations/kinds/instruction-edit.ts';
import { textToImage } from '../generations/kinds/text-to-image.ts';
import type { KindSpec } from '../generations/table.ts';
import { ownImage } from '../studio-images/own-image.ts';

export const GENERATION_KINDS = [
  'TEXT_TO_IMAGE',
  'IMAGE_TO_IMAGE',
  'INSTRUCTION_EDIT',
  'AVATAR',
  'TEXT_TO_VIDEO',
  'IMAGE_TO_VIDEO',
] as const;
export type GenerationKind = (typeof GENERATION_KINDS)[number];
const VIDEO_KINDS: readonly GenerationKind[] = ['AVATAR', 'TEXT_TO_VIDEO', 'IMAGE_TO_VIDEO'];

export interface QuoteInput {
  kind: GenerationKind;
  /** How many generations (variants): each is priced, as the ledger records each. 1–4, default 1. */
  count?: number | null;
  durationSeconds?: number | null;
  aspectRatio?: string | null;
  quality?: VideoQuality | null;
  /** IMAGE_TO_IMAGE bills on the size of the image edited: the quote reads it when given. */
  imageId?: NodeRef | null;
}

export interface Quote {
  kind: GenerationKind;
  model: string;
  count: number;
  estimatedCost: number;
}

// Stand-ins for what a quote does not have (the URL fal would get, the prompt): they change no price.
const IMAGE_URL = 'https://quote.invalid/image.png';
const PROMPT = 'quote';

// Each kind checks its own input (its schema); a quote only prices it.
type PricedBy = 'model' | 'input' | 'falInput' | 'estimateCost';
const kindOf = (kind: GenerationKind, fast: boolean): Pick<KindSpec<unknown, never, unknown>, PricedBy> => {
  switch (kind) {
    case 'TEXT_TO_IMAGE':
      return textToImage;
    case 'IMAGE_TO_IMAGE':
      return imageToImage;
    case 'INSTRUCTION_EDIT':
      return instructionEdit;
    case 'AVATAR':
      return fast ? avatarFast : avatar;
    case 'TEXT_TO_VIDEO':
      return fast ? bRollFromTextFast : bRollFromText;
    case 'IMAGE_TO_VIDEO':
      return fast ? bRollFromImageFast : bRollFromImage;
  }
};

function check(input: QuoteInput): void {
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 4) throw invalid(['input', 'count'], 'Between 1 and 4.');
  const video = VIDEO_KINDS.includes(input.kind);
  if (input.durationSeconds != null && (!video || !isSeedanceDuration(input.durationSeconds)))
    throw invalid(['input', 'durationSeconds'], video ? VIDEO_DURATION_RULE : 'Only videos have a duration.');
  if (input.quality != null && !video) throw invalid(['input', 'quality'], 'Only videos have a quality.');
  const ratio = input.aspectRatio;
  if (ratio != null && (video ? !isSeedanceAspectRatio(ratio) : !isFluxAspectRatio(ratio)))
    throw invalid(['input', 'aspectRatio'], video ? 'Not a format Seedance makes.' : 'Not a format FLUX makes.');
  if (input.imageId && input.kind !== 'IMAGE_TO_IMAGE')
    throw invalid(['input', 'imageId'], 'Only IMAGE_TO_IMAGE is priced on its image.');
}

/** The kind's own input, with stand-ins where a quote has nothing (they change no price). */
function kindInput(input: QuoteInput): Record<string, unknown> {
  const values: Record<string, unknown> = { imageUrl: IMAGE_URL, prompt: PROMPT, strength: 0.85 };
  if (input.kind === 'TEXT_TO_IMAGE') values.aspectRatio = input.aspectRatio ?? '1:1';
  if (!VIDEO_KINDS.includes(input.kind)) return values;
  values.durationSeconds = input.durationSeconds ?? SEEDANCE_DEFAULT_DURATION;
  // An avatar without a format keeps its reference's proportions (`auto`); a b-roll defaults to 16:9.
  if (input.aspectRatio != null || input.kind !== 'AVATAR') values.aspectRatio = input.aspectRatio ?? '16:9';
  return values;
}

/**
 * What a generation will cost before it is asked for: the kind's own fal input and price, as the ledger
 * records them when it is submitted (fal/models.ts). Reads nothing but the image an edit is priced on.
 */
export async function quote(
  deps: Pick<Deps, 'db' | 'storage' | 'pipeline'>,
  actor: Actor,
  input: QuoteInput,
): Promise<Quote> {
  check(input);
  const count = input.count ?? 1;
  const spec = kindOf(input.kind, input.quality === 'FAST');
  const falInput = spec.falInput(spec.input.parse(kindInput(input)));
  const image = input.imageId ? await ownImage(deps, requireUser(actor).id, input.imageId) : null;
  const one =
    input.kind === 'IMAGE_TO_IMAGE'
      ? estimateCostUsd(spec.model, falInput, await imageSize(deps, image))
      : await spec.estimateCost(deps.pipeline.deps, '', falInput);
  return { kind: input.kind, model: spec.model, count, estimatedCost: Math.round(one * count * 10_000) / 10_000 };
}
