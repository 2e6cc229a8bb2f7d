import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { Spinner } from '../../ui/Feedback.tsx';
import { NewProjectForm } from './NewProjectForm.tsx';
import { ProjectRow } from './ProjectRow.tsx';

const ProjectsQuery = graphql(`
  query Projects {
    me {
      id
      projects(first: 100) {
        totalCount
        edges {
          node {
            id
            ...ProjectRow_project
          }
        }
      }
    }
  }
`);

export function ProjectsScreen() {
  const { data, loading, error } = useQuery(ProjectsQuery, { fetchPolicy: 'cache-and-network' });
  const projects = data?.me?.projects.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">Projects</h1>
      <NewProjectForm />
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
