import type { ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useLoadMore } from '../../lib/useLoadMore.ts';
import { PagedList } from '../../ui/PagedList.tsx';
import type { Reference } from './AvatarForm.tsx';
import { BRollCard } from './BRollCard.tsx';
import { BRollForm } from './BRollForm.tsx';
import { confirmDelete } from './confirmDelete.ts';
import { useDeleteBRollMutation } from './mutations/useDeleteBRollMutation.ts';
import { usePickBRollVariantMutation } from './mutations/usePickBRollVariantMutation.ts';
import { allFinal, groupVariants } from './variants.ts';
import { KeepVariantButton, VariantRow } from './VariantRow.tsx';

// What the panel reads of each b-roll itself: its variant group, to show a request's variants side by side.
export const BRollsPanel_node = graphql(`
  fragment BRollsPanel_node on BRoll {
    id
    status
    variantGroupId
    variantIndex
    variantCount
    ...BRollCard_bRoll
  }
`);

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
        ...BRollsPanel_node
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
  const [pick] = usePickBRollVariantMutation(props.projectId);
  const more = useLoadMore(MoreBRollsQuery, props.projectId, page, 'More b-rolls');
  const groups = groupVariants(page.edges.map((e) => getFragmentData(BRollsPanel_node, e.node)));
  const card = (bRoll: (typeof groups)[number][number], actions?: ReactNode) => (
    <BRollCard
      key={bRoll.id}
      bRoll={bRoll}
      onDelete={(id) => void confirmDelete('Delete this b-roll and its video?', () => deleteBRoll(id))}
      actions={actions}
    />
  );
  return (
    <section aria-labelledby="brolls-title" className="panel">
      <h2 id="brolls-title">B-rolls ({props.totalCount})</h2>
      <BRollForm projectId={props.projectId} reference={props.reference} />
      <PagedList items={groups} empty="No b-roll yet." listProps={{ 'aria-label': 'B-rolls' }} more={more}>
        {(group) =>
          group.length === 1 ? (
            card(group[0])
          ) : (
            <VariantRow key={group[0].variantGroupId} count={group.length}>
              {group.map((bRoll) =>
                card(
                  bRoll,
                  bRoll.status !== 'PENDING' && (
                    <KeepVariantButton
                      ready={allFinal(group)}
                      label={`variant ${bRoll.variantIndex + 1}`}
                      keep={() =>
                        pick(
                          bRoll.id,
                          group.filter((v) => v.id !== bRoll.id).map((v) => v.id),
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
