import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useLoadMore } from '../../lib/useLoadMore.ts';
import { PagedList } from '../../ui/PagedList.tsx';
import type { Reference } from './AvatarForm.tsx';
import { BRollCard } from './BRollCard.tsx';
import { BRollForm } from './BRollForm.tsx';
import { confirmDelete } from './confirmDelete.ts';
import { useDeleteBRollMutation } from './mutations/useDeleteBRollMutation.ts';

// A page of the list: the first (StudioScreen's query) and the next ones ("More b-rolls") alike; the cache
// appends them (cachePolicies.ts).
export const BRollsPanel_bRolls = graphql(`
  fragment BRollsPanel_bRolls on ProjectBRollsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        ...BRollCard_bRoll
      }
    }
  }
`);

const MoreBRollsQuery = graphql(`
  query StudioMoreBRolls($id: ID!, $after: String!) {
    project(id: $id) {
      id
      bRolls(first: 24, after: $after) {
        ...BRollsPanel_bRolls
      }
    }
  }
`);

export function BRollsPanel(props: {
  projectId: string;
  bRolls: FragmentType<typeof BRollsPanel_bRolls>;
  totalCount: number;
  reference: Reference;
}) {
  const page = getFragmentData(BRollsPanel_bRolls, props.bRolls);
  const [deleteBRoll] = useDeleteBRollMutation(props.projectId);
  const more = useLoadMore(MoreBRollsQuery, props.projectId, page, 'More b-rolls');
  return (
    <section aria-labelledby="brolls-title" className="panel">
      <h2 id="brolls-title">B-rolls ({props.totalCount})</h2>
      <BRollForm projectId={props.projectId} reference={props.reference} />
      <PagedList items={page.edges} empty="No b-roll yet." listProps={{ 'aria-label': 'B-rolls' }} more={more}>
        {(e) => (
          <BRollCard
            key={e.node.id}
            bRoll={e.node}
            onDelete={(id) => void confirmDelete('Delete this b-roll and its video?', () => deleteBRoll(id))}
          />
        )}
      </PagedList>
    </section>
  );
}
