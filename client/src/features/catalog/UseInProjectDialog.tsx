import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { studioHref } from '../../app/paths.ts';
import { useUploadImageMutation } from '../studio/mutations/useUploadImageMutation.ts';
import type { UsedAvatar } from './CatalogCard.tsx';
import { useQuickProjectMutation } from './mutations/useQuickProjectMutation.ts';

const ProjectChoicesQuery = graphql(`
  query ProjectChoices {
    me {
      id
      projects(first: 100) {
        edges {
          node {
            id
            name
          }
        }
      }
    }
  }
`);

const NEW = '__new__';

/**
 * "Use in project": a public avatar cannot be attached to a project as it is (the API has no such
 * mutation), so its reference image is copied into the chosen project's studio (createUpload → PUT →
 * registerUpload) and the studio opens with it picked as the reference and the name filled in: one
 * click on "Create avatar" makes the project's own avatar from it.
 */
export function UseInProjectDialog({ avatar, onClose }: { avatar: UsedAvatar; onClose: () => void }) {
  const navigate = useNavigate();
  const [createProject] = useQuickProjectMutation();
  const upload = useUploadImageMutation();
  const ref = useRef<HTMLDialogElement>(null);
  const { data } = useQuery(ProjectChoicesQuery);
  const projects = data?.me?.projects.edges.map((e) => e.node) ?? [];
  const [projectId, setProjectId] = useState('');
  const [newName, setNewName] = useState('');
  const form = useFormErrors(['name']);
  const { errors } = form;
  const [busy, setBusy] = useState(false);
  const choice = projectId || (projects[0]?.id ?? NEW);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const { imageUrl } = avatar;
    if (!imageUrl) {
      form.set({ fields: {}, general: 'This avatar has no reference image.' });
      return;
    }
    setBusy(true);
    const copied = await form.run(async () => {
      let target = choice;
      if (target === NEW) {
        const r = await createProject(newName);
        if (!r || !('data' in r)) return r;
        target = r.data.id;
      }
      const res = await fetch(imageUrl);
      if (!res.ok) throw new Error(`Could not read the avatar's image (HTTP ${res.status}).`);
      const up = await upload(target, await res.blob());
      if (!up.ok) return { message: up.error.message };
      return { data: { projectId: target, imageId: up.image.id } };
    });
    setBusy(false);
    if (!copied) return;
    onClose();
    void navigate(studioHref(copied.data.projectId, { ref: copied.data.imageId, avatarName: avatar.name }));
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="use-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <h2 id="use-title">Use “{avatar.name}” in a project</h2>
        <p className="muted">
          Its reference image is copied into the project's studio, ready to become your own avatar.
        </p>
        <Field label="Project">
          {(id) => (
            <select id={id} value={choice} onChange={(e) => setProjectId(e.target.value)}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
              <option value={NEW}>New project…</option>
            </select>
          )}
        </Field>
        {choice === NEW && (
          <Field label="New project name" error={errors.fields.name}>
            {(id, d) => (
              <input
                id={id}
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
                aria-describedby={d}
                aria-invalid={!!errors.fields.name}
                autoFocus
              />
            )}
          </Field>
        )}
        <FormError message={errors.general} />
        <div className="actions">
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? 'Copying…' : 'Use in project'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
