import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { errorOf, formErrors, messageOf, NO_ERRORS, type FormErrors } from '../lib/errors.ts';
import { uploadImage } from '../lib/upload.ts';
import { insertIntoList } from '../lib/connections.ts';
import { navigate } from '../lib/router.ts';
import { Field, FormError } from '../components/ui.tsx';

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

const QuickProjectMutation = graphql(`
  mutation QuickProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ... on MutationCreateProjectSuccess {
        data {
          id
          name
        }
      }
      ...MutationErrorFields
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
export function UseInProjectDialog({ avatar, onClose }: { avatar: { id: string; name: string; imageUrl: string | null | undefined }; onClose: () => void }) {
  const client = useApolloClient();
  const ref = useRef<HTMLDialogElement>(null);
  const { data } = useQuery(ProjectChoicesQuery);
  const projects = data?.me?.projects.edges.map((e) => e.node) ?? [];
  const [projectId, setProjectId] = useState('');
  const [newName, setNewName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const choice = projectId || (projects[0]?.id ?? NEW);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    if (!avatar.imageUrl) return setErrors({ fields: {}, general: 'This avatar has no reference image.' });
    setBusy(true);
    try {
      let target = choice;
      if (target === NEW) {
        const r = (await client.mutate({ mutation: QuickProjectMutation, variables: { input: { name: newName } } })).data?.createProject;
        const err = errorOf(r);
        if (err) return setErrors(formErrors(err, ['name']));
        if (!r || !('data' in r)) return;
        target = r.data.id;
        void client.refetchQueries({ include: ['Projects', 'ProjectChoices'] });
      }
      const res = await fetch(avatar.imageUrl);
      if (!res.ok) throw new Error(`Could not read the avatar's image (HTTP ${res.status}).`);
      const blob = await res.blob();
      const up = await uploadImage(client, target, blob);
      if (!up.ok) return setErrors({ fields: {}, general: up.error.message });
      // The studio may be cached already: list the new image there too.
      insertIntoList(
        client.cache,
        client.cache.identify({ __typename: 'Project', id: target }),
        'images',
        { __typename: 'Image', id: up.image.id },
        'ProjectImagesConnectionEdge',
      );
      onClose();
      navigate({ name: 'project', id: target, ref: up.image.id, avatarName: avatar.name });
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="use-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <h2 id="use-title">Use “{avatar.name}” in a project</h2>
        <p className="muted">Its reference image is copied into the project's studio, ready to become your own avatar.</p>
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
              <input id={id} value={newName} onChange={(e) => setNewName(e.target.value)} aria-describedby={d} aria-invalid={!!errors.fields.name} autoFocus />
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
