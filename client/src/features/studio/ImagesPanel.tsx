import type { ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useLoadMore } from '../../lib/useLoadMore.ts';
import { PagedList } from '../../ui/PagedList.tsx';
import { GenerateImageForm } from './GenerateImageForm.tsx';
import { ImageCard } from './ImageCard.tsx';
import { usePickImageVariantMutation } from './mutations/usePickImageVariantMutation.ts';
import { UploadForm } from './UploadForm.tsx';
import { allFinal, groupVariants } from './variants.ts';
import { KeepVariantButton, VariantRow } from './VariantRow.tsx';

// What the panel reads of each image itself: its variant group, to show a request's variants side by side.
export const ImagesPanel_node = graphql(`
  fragment ImagesPanel_node on Image {
    id
    status
    prompt
    variantGroupId
    variantIndex
    variantCount
    ...ImageCard_image
  }
`);

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
        ...ImagesPanel_node
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
  const [pick] = usePickImageVariantMutation(props.projectId);
  const groups = groupVariants(page.edges.map((e) => getFragmentData(ImagesPanel_node, e.node)));
  const card = (image: (typeof groups)[number][number], actions?: ReactNode) => (
    <ImageCard
      key={image.id}
      projectId={props.projectId}
      image={image}
      selected={image.id === props.reference}
      onSelect={props.onSelect}
      actions={actions}
    />
  );
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
      <PagedList items={groups} empty="No image yet." listProps={{ 'aria-label': 'Images' }} more={more}>
        {(group) =>
          group.length === 1 ? (
            card(group[0])
          ) : (
            <VariantRow key={group[0].variantGroupId} count={group.length}>
              {group.map((image) =>
                card(
                  image,
                  image.status !== 'PENDING' && (
                    <KeepVariantButton
                      ready={allFinal(group)}
                      label={`variant ${image.variantIndex + 1}`}
                      keep={() =>
                        pick(
                          image.id,
                          group.filter((v) => v.id !== image.id).map((v) => v.id),
                        )
                      }
                    />
                  ),
                ),
              )}
            </VariantRow>
          )
        }
      </PagedList>
    </section>
  );
}
