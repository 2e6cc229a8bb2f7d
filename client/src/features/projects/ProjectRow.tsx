import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { NO_ERRORS } from '../../lib/errors.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { studioHref } from '../../app/paths.ts';
import { useRenameProjectMutation } from './mutations/useRenameProjectMutation.ts';
import { useDeleteProjectMutation } from './mutations/useDeleteProjectMutation.ts';

export const ProjectRow_project = graphql(`
  fragment ProjectRow_project on Project {
    id
    name
    updatedAt
    avatars(first: 1) {
      totalCount
    }
    bRolls(first: 1) {
      totalCount
    }
  }
`);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ProjectRow(props: { meId: string | undefined; project: FragmentType<typeof ProjectRow_project> }) {
  const project = getFragmentData(ProjectRow_project, props.project);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(project.name);
  const form = useFormErrors(['name']);
  const { errors } = form;
  const [rename, { loading: renaming }] = useRenameProjectMutation();
  const [remove, { loading: deleting }] = useDeleteProjectMutation(props.meId);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await form.run(() => rename({ id: project.id, name }))) setEditing(false);
  };

  const doDelete = async () => {
    if (!confirm(`Delete “${project.name}” with its images, avatars and b-rolls?`)) return;
    await form.run(() => remove(project.id));
  };

  return (
    <li className="card project-row">
      {editing ? (
        <form className="inline-form" onSubmit={submit} noValidate>
          <Field label="Project name" error={errors.fields.name}>
            {(id, d) => (
              <input
                id={id}
                value={name}
                autoFocus
                onChange={(e) => setName(e.target.value)}
                aria-describedby={d}
                aria-invalid={!!errors.fields.name}
              />
            )}
          </Field>
          <button type="submit" className="btn-primary" disabled={renaming}>
            Save
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(false);
              setName(project.name);
              form.set(NO_ERRORS);
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <>
          <div className="project-main">
            <Link to={studioHref(project.id)} className="project-name">
              {project.name}
            </Link>
            <span className="muted">
              {plural(project.avatars.totalCount, 'avatar')} · {plural(project.bRolls.totalCount, 'b-roll')}
            </span>
          </div>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)} aria-label={`Rename ${project.name}`}>
              Rename
            </button>
            <button
              type="button"
              className="btn-danger"
              onClick={doDelete}
              disabled={deleting}
              aria-label={`Delete ${project.name}`}
            >
              {deleting ? 'Deleting…' : 'Delete'}
            </button>
          </div>
        </>
      )}
      <FormError message={errors.general} />
    </li>
  );
}
