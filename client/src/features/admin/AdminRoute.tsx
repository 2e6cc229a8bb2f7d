import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { Role } from '../../gql/graphql.ts';
import { NotFoundScreen } from '../../app/NotFoundScreen.tsx';
import { Spinner } from '../../ui/Feedback.tsx';

// The admin screens are their own chunk: users never download them, the first page stays small.
const AdminScreen = lazy(() => import('./AdminScreen.tsx'));

// Answered from the cache: the layout's `me` query has already read the role.
const AdminViewerQuery = graphql(`
  query AdminViewer {
    me {
      id
      role
    }
  }
`);

/** `/admin/*`: the admin screens for admins, the not-found screen for anyone else (the API refuses them too). */
export function AdminRoute() {
  const { data, loading } = useQuery(AdminViewerQuery);
  if (loading && !data) return <Spinner />;
  if (data?.me?.role !== Role.Admin) return <NotFoundScreen />;
  return (
    <Suspense fallback={<Spinner />}>
      <AdminScreen />
    </Suspense>
  );
}
