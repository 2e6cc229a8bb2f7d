import { VideoAspectRatio, VideoQuality } from '../../gql/graphql.ts';
import { ratioLabel } from '../../lib/format.ts';
import { Field } from '../../ui/Field.tsx';

// The schema's formats, the b-roll default (16:9) and its portrait first; a new format is a compile error here.
const ORDER: Record<VideoAspectRatio, number> = { R16_9: 0, R9_16: 1, R1_1: 2, R4_3: 3, R3_4: 4, R21_9: 5 };
const RATIOS = Object.values(VideoAspectRatio).sort((a, b) => ORDER[a] - ORDER[b]);
const QUALITY_LABELS: Record<VideoQuality, string> = {
  STANDARD: 'Standard',
  FAST: 'Fast (~60% cheaper)',
};
const REFERENCE = 'reference';

/** What a Seedance clip is asked as; `aspectRatio` null keeps the reference image's proportions. */
export interface VideoFormat {
  durationSeconds: number;
  aspectRatio: VideoAspectRatio | null;
  quality: VideoQuality;
}

/** Duration, format and quality selects, as avatars and b-rolls share them. */
export function VideoFields(props: {
  value: VideoFormat;
  onChange: (v: VideoFormat) => void;
  errors: { durationSeconds?: string | undefined; aspectRatio?: string | undefined; quality?: string | undefined };
  /** Offer "the reference's proportions" (avatars). */
  referenceRatio?: boolean;
}) {
  const { value, onChange, errors } = props;
  return (
    <div className="three-col tight">
      <Field label="Duration" error={errors.durationSeconds}>
        {(id, d) => (
          <select
            id={id}
            value={value.durationSeconds}
            onChange={(e) => onChange({ ...value, durationSeconds: Number(e.target.value) })}
            aria-describedby={d}
          >
            <option value={5}>5 s</option>
            <option value={10}>10 s</option>
          </select>
        )}
      </Field>
      <Field label="Format" error={errors.aspectRatio}>
        {(id, d) => (
          <select
            id={id}
            value={value.aspectRatio ?? REFERENCE}
            onChange={(e) => onChange({ ...value, aspectRatio: RATIOS.find((r) => r === e.target.value) ?? null })}
            aria-describedby={d}
          >
            {props.referenceRatio && <option value={REFERENCE}>As the reference</option>}
            {RATIOS.map((r) => (
              <option key={r} value={r}>
                {ratioLabel(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Quality" error={errors.quality}>
        {(id, d) => (
          <select
            id={id}
            value={value.quality}
            onChange={(e) =>
              onChange({ ...value, quality: e.target.value === 'FAST' ? VideoQuality.Fast : VideoQuality.Standard })
            }
            aria-describedby={d}
          >
            {Object.values(VideoQuality).map((q) => (
              <option key={q} value={q}>
                {QUALITY_LABELS[q]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
