import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useLoadMore } from '../../lib/useLoadMore.ts';
import { PagedList } from '../../ui/PagedList.tsx';
import { GenerateImageForm } from './GenerateImageForm.tsx';
import { ImageCard } from './ImageCard.tsx';
import { UploadForm } from './UploadForm.tsx';

// A page of the list: the first (StudioScreen's query) and the next ones ("More images") alike; the cache
// appends them (cachePolicies.ts).
export const ImagesPanel_images = graphql(`
  fragment ImagesPanel_images on ProjectImagesConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        ...ImageCard_image
      }
    }
  }
`);

const MoreImagesQuery = graphql(`
  query StudioMoreImages($id: ID!, $after: String!) {
    project(id: $id) {
      id
      images(first: 24, after: $after) {
        ...ImagesPanel_images
      }
    }
  }
`);

export function ImagesPanel(props: {
  projectId: string;
  images: FragmentType<typeof ImagesPanel_images>;
  reference: string | undefined;
  onSelect: (imageId: string) => void;
}) {
  const page = getFragmentData(ImagesPanel_images, props.images);
  const more = useLoadMore(MoreImagesQuery, props.projectId, page, 'More images');
  return (
    <section aria-labelledby="images-title" className="panel">
      <h2 id="images-title">Reference images</h2>
      <p className="muted">
        Generate an image from a prompt, upload one or edit one; then pick the reference of your avatar.
      </p>
      <div className="two-col">
        <GenerateImageForm projectId={props.projectId} />
        <UploadForm projectId={props.projectId} onUploaded={props.onSelect} />
      </div>
      <PagedList items={page.edges} empty="No image yet." listProps={{ 'aria-label': 'Images' }} more={more}>
        {(e) => (
          <ImageCard
            key={e.node.id}
            projectId={props.projectId}
            image={e.node}
            selected={e.node.id === props.reference}
            onSelect={props.onSelect}
          />
        )}
      </PagedList>
    </section>
  );
}
