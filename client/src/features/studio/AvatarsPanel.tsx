import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useLoadMore } from '../../lib/useLoadMore.ts';
import { PagedList } from '../../ui/PagedList.tsx';
import { AvatarCard } from './AvatarCard.tsx';
import { AvatarForm, type Reference } from './AvatarForm.tsx';
import { confirmDelete } from './confirmDelete.ts';
import { useDeleteAvatarMutation } from './mutations/useDeleteAvatarMutation.ts';
import { useRemoveAvatarFromProjectMutation } from '../library/mutations/useRemoveAvatarFromProjectMutation.ts';

// A page of the list: the first (StudioScreen's query) and the next ones ("More avatars") alike; the cache
// appends them (cachePolicies.ts).
export const AvatarsPanel_avatars = graphql(`
  fragment AvatarsPanel_avatars on ProjectAvatarsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        ...AvatarCard_avatar
      }
    }
  }
`);

const MoreAvatarsQuery = graphql(`
  query StudioMoreAvatars($id: ID!, $after: String!) {
    project(id: $id) {
      id
      avatars(first: 24, after: $after) {
        ...AvatarsPanel_avatars
      }
    }
  }
`);

export function AvatarsPanel(props: {
  projectId: string;
  avatars: FragmentType<typeof AvatarsPanel_avatars>;
  totalCount: number;
  reference: Reference;
  initialName: string | undefined;
}) {
  const page = getFragmentData(AvatarsPanel_avatars, props.avatars);
  const [deleteAvatar] = useDeleteAvatarMutation(props.projectId);
  const [removeAvatar] = useRemoveAvatarFromProjectMutation(props.projectId);
  const more = useLoadMore(MoreAvatarsQuery, props.projectId, page, 'More avatars');
  return (
    <section aria-labelledby="avatar-title" className="panel">
      <h2 id="avatar-title">New avatar</h2>
      <AvatarForm projectId={props.projectId} reference={props.reference} initialName={props.initialName} />
      <h2 id="avatars-title">Avatars ({props.totalCount})</h2>
      <PagedList
        items={page.edges}
        empty="No avatar yet."
        listProps={{ 'aria-labelledby': 'avatars-title' }}
        more={more}
      >
        {(e) => (
          <AvatarCard
            key={e.node.id}
            avatar={e.node}
            projectId={props.projectId}
            onDelete={(id) => void confirmDelete('Delete this avatar and its video?', () => deleteAvatar(id))}
            onRemove={(id) => void removeAvatar(id)}
          />
        )}
      </PagedList>
    </section>
  );
}
