import { useEffect, useSyncExternalStore } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from './gql';
import type { Api } from './lib/apollo.ts';
import { getToken, onTokenChange, setToken } from './lib/session.ts';
import { navigate, useRoute } from './lib/router.ts';
import { Link, Spinner } from './components/ui.tsx';
import { AuthScreen } from './screens/AuthScreen.tsx';
import { ProjectsScreen } from './screens/ProjectsScreen.tsx';
import { StudioScreen } from './screens/StudioScreen.tsx';
import { CatalogScreen } from './screens/CatalogScreen.tsx';

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

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut(input: {}) {
      ... on MutationSignOutSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

export function App({ api }: { api: Api }) {
  const token = useSyncExternalStore(onTokenChange, getToken);
  const route = useRoute();

  if (!token) return <AuthScreen mode={route.name === 'signup' ? 'signup' : 'signin'} />;
  return <SignedIn api={api} />;
}

function SignedIn({ api }: { api: Api }) {
  const route = useRoute();
  const { data, loading, error } = useQuery(MeQuery);
  const [signOut, { loading: signingOut }] = useMutation(SignOutMutation);

  useEffect(() => {
    if (route.name === 'signin' || route.name === 'signup') navigate('/', true);
  }, [route.name]);
  useEffect(() => {
    if (!loading && data && !data.me) setToken(null); // the token is no longer valid
  }, [loading, data]);

  const doSignOut = async () => {
    try {
      await signOut();
    } catch {
      /* the session is ended locally anyway */
    }
    setToken(null);
    await api.client.clearStore();
    navigate('/signin', true);
  };

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={{ name: 'projects' }} className="brand">
          Better Ads
        </Link>
        <nav aria-label="Main">
          <Link to={{ name: 'projects' }} aria-current={route.name === 'projects' || route.name === 'project' ? 'page' : undefined}>
            Projects
          </Link>
          <Link to={{ name: 'catalog' }} aria-current={route.name === 'catalog' ? 'page' : undefined}>
            Catalog
          </Link>
        </nav>
        <div className="user">
          {data?.me && (
            <span className="user-name" title={data.me.email}>
              {data.me.name}
            </span>
          )}
          <button type="button" className="btn-ghost" onClick={doSignOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {error && !data ? (
          <p className="form-error" role="alert">
            Cannot reach the server: {error.message}
          </p>
        ) : loading && !data ? (
          <Spinner />
        ) : route.name === 'project' ? (
          <StudioScreen key={route.id} projectId={route.id} initialRef={route.ref} initialAvatarName={route.avatarName} />
        ) : route.name === 'catalog' ? (
          <CatalogScreen />
        ) : (
          <ProjectsScreen />
        )}
      </main>
      <footer className="footer">
        <a href="/graphiql">API explorer (GraphiQL)</a>
      </footer>
    </>
  );
}
