import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { studioHref } from '../../app/paths.ts';
import { useCreateProjectMutation } from './mutations/useCreateProjectMutation.ts';

export function NewProjectForm() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const form = useFormErrors(['name']);
  const [create, { loading: creating }] = useCreateProjectMutation();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.run(() => create({ name }));
    if (!ok) return;
    setName('');
    void navigate(studioHref(ok.data.id));
  };

  return (
    <form className="card inline-form" onSubmit={submit} noValidate>
      <Field label="New project" error={form.errors.fields.name}>
        {(id, d) => (
          <input
            id={id}
            name="project-name"
            placeholder="Spring campaign"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={d}
            aria-invalid={!!form.errors.fields.name}
          />
        )}
      </Field>
      <button type="submit" className="btn-primary" disabled={creating}>
        {creating ? 'Creating…' : 'Create project'}
      </button>
      <FormError message={form.errors.general} />
    </form>
  );
}
