import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { errorOf, formErrors, messageOf, NO_ERRORS, type FormErrors } from '../lib/errors.ts';
import { navigate } from '../lib/router.ts';
import { removeFromList } from '../lib/connections.ts';
import { Field, FormError, Link, Spinner } from '../components/ui.tsx';

export const ProjectsQuery = graphql(`
  query Projects {
    me {
      id
      projects(first: 100) {
        totalCount
        edges {
          node {
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
        }
      }
    }
  }
`);

const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ... on MutationCreateProjectSuccess {
        data {
          id
          name
          updatedAt
        }
      }
      ...MutationErrorFields
    }
  }
`);

const RenameProjectMutation = graphql(`
  mutation RenameProject($input: RenameProjectInput!) {
    renameProject(input: $input) {
      ... on MutationRenameProjectSuccess {
        data {
          id
          name
          updatedAt
        }
      }
      ...MutationErrorFields
    }
  }
`);

const DeleteProjectMutation = graphql(`
  mutation DeleteProject($input: DeleteProjectInput!) {
    deleteProject(input: $input) {
      ... on MutationDeleteProjectSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

export function ProjectsScreen() {
  const { data, loading, error } = useQuery(ProjectsQuery, { fetchPolicy: 'cache-and-network' });
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [create, { loading: creating }] = useMutation(CreateProjectMutation, { refetchQueries: ['Projects'], awaitRefetchQueries: true });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = (await create({ variables: { input: { name } } })).data?.createProject;
      const err = errorOf(r);
      if (err) return setErrors(formErrors(err, ['name']));
      if (r && 'data' in r) {
        setName('');
        navigate({ name: 'project', id: r.data.id });
      }
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    }
  };

  const projects = data?.me?.projects.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">Projects</h1>
      <form className="card inline-form" onSubmit={submit} noValidate>
        <Field label="New project" error={errors.fields.name}>
          {(id, d) => (
            <input
              id={id}
              name="project-name"
              placeholder="Spring campaign"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={d}
              aria-invalid={!!errors.fields.name}
            />
          )}
        </Field>
        <button type="submit" className="btn-primary" disabled={creating}>
          {creating ? 'Creating…' : 'Create project'}
        </button>
        <FormError message={errors.general} />
      </form>
      {loading && !data ? (
        <Spinner />
      ) : error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : projects.length === 0 ? (
        <p className="empty">No project yet: create one to start making avatars.</p>
      ) : (
        <ul className="project-list">
          {projects.map((p) => (
            <ProjectRow key={p.id} project={p} meId={data?.me?.id} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProjectRow({
  project,
  meId,
}: {
  meId: string | undefined;
  project: { id: string; name: string; updatedAt: string; avatars: { totalCount: number }; bRolls: { totalCount: number } };
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(project.name);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [rename, { loading: renaming }] = useMutation(RenameProjectMutation);
  const [remove, { loading: deleting }] = useMutation(DeleteProjectMutation, {
    update(cache, { data }) {
      const r = data?.deleteProject;
      if (r && 'data' in r) removeFromList(cache, meId && cache.identify({ __typename: 'User', id: meId }), 'projects', { __typename: 'Project', id: r.data });
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = (await rename({ variables: { input: { id: project.id, name } } })).data?.renameProject;
      const err = errorOf(r);
      if (err) return setErrors(formErrors(err, ['name']));
      setEditing(false);
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    }
  };

  const doDelete = async () => {
    if (!confirm(`Delete “${project.name}” with its images, avatars and b-rolls?`)) return;
    try {
      const r = (await remove({ variables: { input: { id: project.id } } })).data?.deleteProject;
      const err = errorOf(r);
      if (err) setErrors({ fields: {}, general: err.message });
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    }
  };

  return (
    <li className="card project-row">
      {editing ? (
        <form className="inline-form" onSubmit={submit} noValidate>
          <Field label="Project name" error={errors.fields.name}>
            {(id, d) => (
              <input id={id} value={name} autoFocus onChange={(e) => setName(e.target.value)} aria-describedby={d} aria-invalid={!!errors.fields.name} />
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
              setErrors(NO_ERRORS);
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <>
          <div className="project-main">
            <Link to={{ name: 'project', id: project.id }} className="project-name">
              {project.name}
            </Link>
            <span className="muted">
              {project.avatars.totalCount} avatar{project.avatars.totalCount === 1 ? '' : 's'} · {project.bRolls.totalCount} b-roll
              {project.bRolls.totalCount === 1 ? '' : 's'}
            </span>
          </div>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)} aria-label={`Rename ${project.name}`}>
              Rename
            </button>
            <button type="button" className="btn-danger" onClick={doDelete} disabled={deleting} aria-label={`Delete ${project.name}`}>
              {deleting ? 'Deleting…' : 'Delete'}
            </button>
          </div>
        </>
      )}
      <FormError message={errors.general} />
    </li>
  );
}
