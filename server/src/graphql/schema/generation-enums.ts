// The sources, formats and qualities of generations, shared by the mutations, the quote and the types.
import { FLUX_ASPECT_RATIOS, SEEDANCE_ASPECT_RATIOS, VIDEO_QUALITIES } from '../../fal/models.ts';
import { builder } from '../builder.ts';

const ratios = Object.fromEntries(SEEDANCE_ASPECT_RATIOS.map((r) => [`R${r.replace(':', '_')}`, { value: r }]));
export const VideoAspectRatio = builder.enumType('VideoAspectRatio', { values: ratios });

export const VideoQuality = builder.enumType('VideoQuality', {
  description: 'STANDARD is Seedance 1 Pro; FAST is Seedance 1 Pro Fast: the same inputs, about 60% cheaper.',
  values: VIDEO_QUALITIES,
});

export const ImageEditMode = builder.enumType('ImageEditMode', {
  description:
    'STRENGTH: FLUX dev image-to-image, the prompt describes the result and `strength` how far it may move. ' +
    'INSTRUCTION: FLUX Kontext pro, the prompt is an instruction ("make the coat red"), priced per image.',
  values: ['STRENGTH', 'INSTRUCTION'] as const,
});

export const ImageSource = builder.enumType('ImageSource', {
  description: 'INSTRUCTION_EDIT: an ImageEditMode.INSTRUCTION edit (FLUX Kontext).',
  values: ['TEXT_TO_IMAGE', 'IMAGE_TO_IMAGE', 'INSTRUCTION_EDIT', 'UPLOAD'] as const,
});

const imageRatios = Object.fromEntries(FLUX_ASPECT_RATIOS.map((r) => [`R${r.replace(':', '_')}`, { value: r }]));
export const ImageAspectRatio = builder.enumType('ImageAspectRatio', { values: imageRatios });
