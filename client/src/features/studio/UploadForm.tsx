import { useState } from 'react';
import { formatBytes, percent } from '../../lib/format.ts';
import type { FormErrors } from '../../lib/errors.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { ACCEPTED_TYPES } from './upload.ts';
import { useUploadImageMutation } from './mutations/useUploadImageMutation.ts';

/** Upload errors concern the file whatever the input field (contentType, byteSize, uploadId). */
function onTheFile(fe: FormErrors): FormErrors {
  const msgs = Object.values(fe.fields);
  return msgs.length
    ? { fields: { file: msgs.join(' ') }, ...(fe.general ? { general: fe.general } : {}) }
    : { fields: { file: fe.general ?? 'The upload failed.' } };
}

export function UploadForm({ projectId, onUploaded }: { projectId: string; onUploaded: (id: string) => void }) {
  const upload = useUploadImageMutation();
  const [progress, setProgress] = useState<{ loaded: number; total: number }>();
  const form = useFormErrors(['contentType', 'byteSize', 'uploadId'], onTheFile);
  const { errors } = form;
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProgress({ loaded: 0, total: file.size });
    const ok = await form.run(async () => {
      const r = await upload(projectId, file, (loaded, total) => setProgress({ loaded, total }));
      return r.ok ? { data: r.image } : r.error;
    });
    if (ok) onUploaded(ok.data.id);
    setBusy(false);
    setInputKey((k) => k + 1);
  };

  return (
    <div className="card stack">
      <h3>Upload</h3>
      <Field label="Image file" error={errors.fields.file} hint="JPEG, PNG or WebP, up to 10 MB.">
        {(id, d) => (
          <input
            key={inputKey}
            id={id}
            name="file"
            type="file"
            accept={ACCEPTED_TYPES.join(',')}
            disabled={busy}
            onChange={(e) => void onFile(e.target.files?.[0])}
            aria-describedby={d}
            aria-invalid={!!errors.fields.file}
          />
        )}
      </Field>
      {progress && busy && (
        <div className="progress-row">
          <progress max={100} value={percent(progress.loaded, progress.total)} aria-label="Upload progress" />
          <span>
            {percent(progress.loaded, progress.total)}% of {formatBytes(progress.total)}
          </span>
        </div>
      )}
      <FormError message={errors.general} />
    </div>
  );
}
