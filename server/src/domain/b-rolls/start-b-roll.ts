// The workflow of a b-roll once its row is PENDING: text-to-video, or image-to-video from its studio image.
import type { Deps } from '../../app/deps.ts';
import type { SeedanceAspectRatio, SeedanceDuration, VideoQuality } from '../../fal/models.ts';
import { handToFal } from '../generations/hand-to-fal.ts';
import { bRollFromImage, bRollFromImageFast } from '../generations/kinds/b-roll-from-image.ts';
import { bRollFromText, bRollFromTextFast } from '../generations/kinds/b-roll-from-text.ts';

interface BRollToStart {
  id: string;
  prompt: string;
  durationSeconds: number | null;
  aspectRatio: string | null;
  imageStoragePath: string | null;
  quality: VideoQuality;
}

/** Hands fal what it needs and submits; a provider that cannot be reached leaves the b-roll FAILED with a reason. */
export async function startBRoll(deps: Pick<Deps, 'storage' | 'gateway' | 'pipeline'>, b: BRollToStart): Promise<void> {
  const target = { kind: 'BROLL' as const, id: b.id };
  const common = {
    prompt: b.prompt,
    durationSeconds: (b.durationSeconds ?? 5) as SeedanceDuration,
    aspectRatio: (b.aspectRatio ?? '16:9') as SeedanceAspectRatio,
  };
  const fast = b.quality === 'FAST';
  if (!b.imageStoragePath) return deps.pipeline.start(fast ? bRollFromTextFast : bRollFromText, target, common);
  const handed = await handToFal(
    deps,
    target,
    { key: b.imageStoragePath },
    'The source image is gone; create a new b-roll.',
  );
  if (handed.kind === 'uploaded')
    await deps.pipeline.start(fast ? bRollFromImageFast : bRollFromImage, target, { ...common, imageUrl: handed.url });
}
