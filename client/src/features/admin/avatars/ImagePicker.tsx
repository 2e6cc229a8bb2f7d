import { useId, useState } from 'react';
import { skipToken, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { GenerationStatus } from '../../../gql/graphql.ts';
import { Spinner } from '../../../ui/Feedback.tsx';

const AdminProjectsQuery = graphql(`
  query AdminProjects {
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

const AdminStudioImagesQuery = graphql(`
  query AdminStudioImages($projectId: ID!) {
    project(id: $projectId) {
      id
      images(first: 48) {
        edges {
          node {
            id
            status
            nsfw
            prompt
            imageUrl
          }
        }
      }
    }
  }
`);

/** One of the admin's ready studio images (a project of theirs, then an image of it), as a reference. */
export function ImagePicker(props: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const [projectId, setProjectId] = useState('');
  const selectId = useId();
  const projects = useQuery(AdminProjectsQuery, { fetchPolicy: 'cache-and-network' });
  const images = useQuery(
    AdminStudioImagesQuery,
    projectId ? { variables: { projectId }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const usable = (images.data?.project?.images.edges ?? [])
    .map((e) => e.node)
    .filter((i) => i.status === GenerationStatus.Succeeded && !i.nsfw && i.imageUrl);
  const list = projects.data?.me?.projects.edges.map((e) => e.node) ?? [];

  return (
    <fieldset className={`image-picker${props.error ? ' has-error' : ''}`}>
      <legend>Reference image (from one of your studios)</legend>
      <label htmlFor={selectId}>Project</label>{' '}
      <select
        id={selectId}
        value={projectId}
        onChange={(e) => {
          setProjectId(e.target.value);
          props.onChange(null);
        }}
      >
        <option value="">Choose a project…</option>
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {projectId && images.loading && !images.data ? (
        <Spinner />
      ) : projectId && usable.length === 0 ? (
        <p className="empty">No ready image in this project: make one in its studio.</p>
      ) : (
        <div className="image-choices">
          {usable.map((i) => (
            <label key={i.id} className={`image-choice${props.value === i.id ? ' selected' : ''}`}>
              <input
                type="radio"
                name="reference"
                value={i.id}
                checked={props.value === i.id}
                onChange={() => props.onChange(i.id)}
              />
              <img src={i.imageUrl ?? ''} alt={i.prompt ?? 'Uploaded image'} loading="lazy" />
            </label>
          ))}
        </div>
      )}
      {props.error && (
        <small className="field-error" role="alert">
          {props.error}
        </small>
      )}
    </fieldset>
  );
}
