import { useEffect } from 'react';
import { Link, Outlet, useMatch, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { Role } from '../gql/graphql.ts';
import { setToken } from '../lib/session.ts';
import { Spinner } from '../ui/Feedback.tsx';
import { useSignOutMutation } from '../features/auth/mutations/useSignOutMutation.ts';
import { Frame } from './Frame.tsx';
import { paths } from './paths.ts';

const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
    }
  }
`);

export function SignedInLayout() {
  const navigate = useNavigate();
  const onCatalog = useMatch({ path: paths.catalog, caseSensitive: true });
  const onLibrary = useMatch({ path: paths.library, caseSensitive: true });
  const onUsage = useMatch({ path: paths.usage, caseSensitive: true });
  const onAdmin = useMatch({ path: `${paths.admin}/*`, caseSensitive: true });
  const { data, loading, error } = useQuery(MeQuery);
  const [signOut, { loading: signingOut }] = useSignOutMutation();

  useEffect(() => {
    if (!loading && data && !data.me) setToken(null); // the token is no longer valid
  }, [loading, data]);

  const doSignOut = async () => {
    await signOut();
    void navigate(paths.signIn, { replace: true });
  };

  const nav = (
    <>
      <Link to={paths.projects} aria-current={onCatalog || onLibrary || onUsage || onAdmin ? undefined : 'page'}>
        Projects
      </Link>
      <Link to={paths.library} aria-current={onLibrary ? 'page' : undefined}>
        Library
      </Link>
      <Link to={paths.catalog} aria-current={onCatalog ? 'page' : undefined}>
        Catalog
      </Link>
      <Link to={paths.usage} aria-current={onUsage ? 'page' : undefined}>
        Usage
      </Link>
      {data?.me?.role === Role.Admin && (
        <Link to={paths.admin} aria-current={onAdmin ? 'page' : undefined}>
          Admin
        </Link>
      )}
    </>
  );
  const account = (
    <>
      {data?.me && (
        <span className="user-name" title={data.me.email}>
          {data.me.name}
        </span>
      )}
      <button type="button" className="btn-ghost" onClick={doSignOut} disabled={signingOut}>
        Sign out
      </button>
    </>
  );

  return (
    <Frame home={paths.projects} nav={nav} account={account}>
      {error && !data ? (
        <p className="form-error" role="alert">
          Cannot reach the server: {error.message}
        </p>
      ) : loading && !data ? (
        <Spinner />
      ) : (
        <Outlet />
      )}
    </Frame>
  );
}
