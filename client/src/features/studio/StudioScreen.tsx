import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { Spinner } from '../../ui/Feedback.tsx';
import { paths } from '../../app/paths.ts';
import { AvatarsPanel } from './AvatarsPanel.tsx';
import { BRollsPanel } from './BRollsPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ImagesPanel } from './ImagesPanel.tsx';
import { ProjectUpdatedSubscriber } from './ProjectUpdatedSubscriber.tsx';

// The newest page of each list; "More …" under a list fetches the next (each panel's query).
const StudioQuery = graphql(`
  query Studio($id: ID!) {
    project(id: $id) {
      id
      name
      images(first: 24) {
        totalCount
        edges {
          node {
            id
            imageUrl
          }
        }
        ...ImagesPanel_images
      }
      avatars(first: 24) {
        totalCount
        ...AvatarsPanel_avatars
      }
      bRolls(first: 24) {
        totalCount
        ...BRollsPanel_bRolls
      }
      latestExport {
        id
        ...ExportPanel_export
      }
    }
  }
`);

export function StudioScreen(props: {
  projectId: string;
  initialRef?: string | undefined;
  initialAvatarName?: string | undefined;
}) {
  const { projectId } = props;
  // cache-and-network: a revisit shows the cached studio at once and refreshes it (media URLs are
  // presigned for 15 minutes).
  const { data, loading, error } = useQuery(StudioQuery, {
    variables: { id: projectId },
    fetchPolicy: 'cache-and-network',
  });
  const [reference, setReference] = useState<string | undefined>(props.initialRef);
  const project = data?.project;
  const refImage = project?.images.edges.find((e) => e.node.id === reference)?.node;

  return (
    <>
      <ProjectUpdatedSubscriber projectId={projectId} />
      {loading && !data ? (
        <Spinner />
      ) : error && !data ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : !project ? (
        <section>
          <h1>Project not found</h1>
          <p>
            It may have been deleted. <Link to={paths.projects}>Back to projects</Link>
          </p>
        </section>
      ) : (
        <div className="studio">
          <p className="crumbs">
            <Link to={paths.projects}>Projects</Link> / <span>{project.name}</span>
          </p>
          <h1>{project.name}</h1>
          <ImagesPanel projectId={projectId} images={project.images} reference={reference} onSelect={setReference} />
          <AvatarsPanel
            projectId={projectId}
            avatars={project.avatars}
            totalCount={project.avatars.totalCount}
            reference={refImage}
            initialName={props.initialAvatarName}
          />
          <BRollsPanel
            projectId={projectId}
            bRolls={project.bRolls}
            totalCount={project.bRolls.totalCount}
            reference={refImage}
          />
          <ExportPanel projectId={projectId} latest={project.latestExport} />
        </div>
      )}
    </>
  );
}
