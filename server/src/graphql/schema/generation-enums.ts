// The sources, formats and qualities of generations, shared by the mutations, the quote and the types.
import {
  FLUX_ASPECT_RATIOS,
  FLUX_IMAGE_SIZES,
  SEEDANCE_ASPECT_RATIOS,
  type SeedanceAspectRatio,
  VIDEO_QUALITIES,
} from '../../fal/models.ts';
import { builder } from '../builder.ts';

// R9_16 is 9:16 (width:height); each value's description says what it is for.
const USES: Record<SeedanceAspectRatio, string> = {
  '21:9': 'cinema widescreen',
  '16:9': 'landscape: YouTube, web',
  '4:3': 'landscape, classic',
  '1:1': 'square: feeds',
  '3:4': 'portrait: feeds',
  '9:16': 'vertical: Reels, TikTok, Shorts',
};
const ratioValues = <R extends string>(ratios: readonly R[], of: (r: R) => string) =>
  Object.fromEntries(ratios.map((r) => [`R${r.replace(':', '_')}`, { value: r, description: of(r) }]));
export const VideoAspectRatio = builder.enumType('VideoAspectRatio', {
  description: 'The formats Seedance makes, width:height (R9_16 = 9:16), at 1080p.',
  values: ratioValues(SEEDANCE_ASPECT_RATIOS, (r) => `${r}, ${USES[r]}.`),
});

export const VideoQuality = builder.enumType('VideoQuality', {
  description: 'STANDARD is Seedance 1 Pro; FAST is Seedance 1 Pro Fast: the same inputs, about 60% cheaper.',
  values: {
    STANDARD: { value: VIDEO_QUALITIES[0], description: 'Seedance 1 Pro: about $0.124 per second (the default).' },
    FAST: { value: VIDEO_QUALITIES[1], description: 'Seedance 1 Pro Fast: about $0.0486 per second.' },
  } as const,
});

export const ImageEditMode = builder.enumType('ImageEditMode', {
  description:
    'STRENGTH: FLUX dev image-to-image, the prompt describes the result and `strength` how far it may move. ' +
    'INSTRUCTION: FLUX Kontext pro, the prompt is an instruction ("make the coat red"), priced per image.',
  values: {
    STRENGTH: { description: 'FLUX dev image-to-image, steered by `strength` (the default).' },
    INSTRUCTION: { description: 'FLUX Kontext pro: the prompt is an instruction; keeps the proportions.' },
  } as const,
});

export const ImageSource = builder.enumType('ImageSource', {
  description: 'How a studio image was made.',
  values: {
    TEXT_TO_IMAGE: { description: 'generateImage: FLUX dev from a prompt.' },
    IMAGE_TO_IMAGE: { description: 'editImage with mode STRENGTH: FLUX dev image-to-image.' },
    INSTRUCTION_EDIT: { description: 'editImage with mode INSTRUCTION: FLUX Kontext pro.' },
    UPLOAD: { description: 'createUpload and registerUpload: your own file.' },
  } as const,
});

export const ImageAspectRatio = builder.enumType('ImageAspectRatio', {
  description: 'The formats FLUX makes, width:height (R9_16 = 9:16), 1024 pixels on the long side.',
  values: ratioValues(FLUX_ASPECT_RATIOS, (r) => {
    const { width, height } = FLUX_IMAGE_SIZES[r];
    return `${r}: ${width} × ${height} pixels.`;
  }),
});
