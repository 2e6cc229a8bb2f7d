// What a generation was made as: its format and quality, and the seed fal reports (to make it again).
import { builder } from '../builder.ts';
import { Avatar } from './avatar.ts';
import { BRoll } from './b-roll.ts';
import { ImageEditMode, VideoQuality } from './generation-enums.ts';
import { Image } from './image.ts';

const QUALITY = 'The Seedance model it was made (and is retried) with.';
const SEED = 'The seed the generator reports it used; null until SUCCEEDED (or when it reports none).';

builder.prismaObjectFields(Image, (t) => ({
  seed: t.exposeInt('seed', { nullable: true, description: SEED }),
  editMode: t.field({
    type: ImageEditMode,
    nullable: true,
    description: 'How an edit was asked for; null for generated and uploaded images.',
    select: { source: true },
    resolve: (i) =>
      i.source === 'IMAGE_TO_IMAGE' ? 'STRENGTH' : i.source === 'INSTRUCTION_EDIT' ? 'INSTRUCTION' : null,
  }),
}));

builder.prismaObjectFields(Avatar, (t) => ({
  aspectRatio: t.exposeString('aspectRatio', {
    nullable: true,
    description: "As Seedance names it (9:16, 1:1, 16:9, …); null: the reference image's proportions.",
  }),
  durationSeconds: t.exposeInt('durationSeconds', { nullable: true, description: 'Length in seconds: 5 or 10.' }),
  quality: t.expose('quality', { type: VideoQuality, description: QUALITY }),
  seed: t.exposeInt('seed', { nullable: true, description: SEED }),
}));

builder.prismaObjectFields(BRoll, (t) => ({
  quality: t.expose('quality', { type: VideoQuality, description: QUALITY }),
  seed: t.exposeInt('seed', { nullable: true, description: SEED }),
}));
