import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { studioHref } from '../../app/paths.ts';
import { useFormErrors, type FormErrorsState } from '../../lib/useFormErrors.ts';
import { FormError } from '../../ui/Field.tsx';
import { useAddAvatarToProjectMutation } from './mutations/useAddAvatarToProjectMutation.ts';
import { ProjectChoiceFields, useProjectChoice } from './ProjectChoice.tsx';

export type ProjectChoiceState = ReturnType<typeof useProjectChoice>;

/**
 * "Add to project": links an existing avatar into a project of the user's (free, nothing generated), then
 * offers to open that project. `extra` adds other actions on the same chosen project (the catalog's "Make
 * my own version").
 */
export function AddToProjectDialog(props: {
  avatar: { id: string; name: string };
  intro: ReactNode;
  onClose: () => void;
  extra?: (choice: ProjectChoiceState, form: FormErrorsState, busy: (b: boolean) => void) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const choice = useProjectChoice();
  const form = useFormErrors(['name']);
  const [add] = useAddAvatarToProjectMutation();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<{ id: string; name: string }>();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    const done = await form.run(async () => {
      const project = await choice.resolve();
      if (!project || !('data' in project)) return project;
      const r = await add(project.data.id, props.avatar.id);
      return r && 'data' in r ? { data: project.data } : r;
    });
    setBusy(false);
    if (done) setAdded(done.data);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="add-title" onClose={props.onClose} onCancel={props.onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <h2 id="add-title">Add “{props.avatar.name}” to a project</h2>
        {props.intro}
        <ProjectChoiceFields state={choice} nameError={form.errors.fields.name} />
        <FormError message={form.errors.general} />
        {added && (
          <p className="success" role="status">
            Added to “{added.name}”. <Link to={studioHref(added.id)}>Open {added.name}</Link>
          </p>
        )}
        <div className="actions">
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add to project'}
          </button>
          <button type="button" onClick={props.onClose}>
            {added ? 'Close' : 'Cancel'}
          </button>
        </div>
        {props.extra?.(choice, form, setBusy)}
      </form>
    </dialog>
  );
}
