import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../../gql';

const AdminAvatarUpdatedSubscription = graphql(`
  subscription AdminAvatarUpdated($id: ID!) {
    avatarUpdated(id: $id) {
      id
      ...PublicAvatarRow_avatar
    }
  }
`);

/** Live status of one PENDING public avatar: Apollo writes each event into the cache. Renders nothing. */
export function AvatarUpdatedSubscriber({ id }: { id: string }) {
  useSubscription(AdminAvatarUpdatedSubscription, { variables: { id } });
  return null;
}
