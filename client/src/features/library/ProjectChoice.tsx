import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { Field } from '../../ui/Field.tsx';
import { useQuickProjectMutation } from '../catalog/mutations/useQuickProjectMutation.ts';

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

/** A choice of one of the user's projects, or a new one made on the way (in "Add to project" dialogs). */
export function useProjectChoice() {
  const { data } = useQuery(ProjectChoicesQuery);
  const projects = data?.me?.projects.edges.map((e) => e.node) ?? [];
  const [picked, setPicked] = useState('');
  const [newName, setNewName] = useState('');
  const [createProject] = useQuickProjectMutation();
  const choice = picked || (projects[0]?.id ?? NEW);
  /** The chosen project, made first when "New project…" is chosen (its refusal is returned as it is). */
  const resolve = async () => {
    if (choice === NEW) return createProject(newName);
    const project = projects.find((p) => p.id === choice);
    return project ? { data: project } : { message: 'Choose a project.' };
  };
  return { projects, choice, setPicked, newName, setNewName, resolve };
}

export function ProjectChoiceFields(props: {
  state: ReturnType<typeof useProjectChoice>;
  nameError: string | undefined;
  label?: string;
}) {
  const { projects, choice, setPicked, newName, setNewName } = props.state;
  return (
    <>
      <Field label={props.label ?? 'Project'}>
        {(id) => (
          <select id={id} value={choice} onChange={(e) => setPicked(e.target.value)}>
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
        <Field label="New project name" error={props.nameError}>
          {(id, d) => (
            <input
              id={id}
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
              aria-describedby={d}
              aria-invalid={!!props.nameError}
              autoFocus
            />
          )}
        </Field>
      )}
    </>
  );
}
