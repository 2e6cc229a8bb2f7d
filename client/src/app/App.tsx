import { lazy, Suspense, useLayoutEffect, useSyncExternalStore } from 'react';
import {
  Navigate,
  NavigationType,
  Route,
  Routes,
  useLocation,
  useMatch,
  useNavigationType,
  useParams,
  useSearchParams,
} from 'react-router';
import { getToken, onTokenChange } from '../lib/session.ts';
import { AuthScreen } from '../features/auth/AuthScreen.tsx';
import { ProjectsScreen } from '../features/projects/ProjectsScreen.tsx';
import { StudioScreen } from '../features/studio/StudioScreen.tsx';
import { CatalogScreen } from '../features/catalog/CatalogScreen.tsx';
import { LibraryScreen } from '../features/library/LibraryScreen.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { Spinner } from '../ui/Feedback.tsx';
import { AdminRoute } from '../features/admin/AdminRoute.tsx';
import { NotFoundScreen } from './NotFoundScreen.tsx';
import { SignedInLayout } from './SignedInLayout.tsx';
import { nextPath, paths, studioPrefill } from './paths.ts';

// Its own chunk: the first page stays within its size budget (README, Performance notes).
const UsageScreen = lazy(() => import('../features/usage/UsageScreen.tsx'));

export function App() {
  const token = useSyncExternalStore(onTokenChange, getToken);
  const signUp = useMatch({ path: paths.signUp, caseSensitive: true });
  const admin = useMatch({ path: `${paths.admin}/*`, caseSensitive: true });
  return (
    <>
      <ScrollToTop />
      {!token && admin ? (
        <NotFoundScreen />
      ) : !token ? (
        <Routes>
          <Route element={<PublicLayout />}>
            <Route path={paths.catalog} caseSensitive element={<CatalogScreen signedIn={false} />} />
          </Route>
          <Route path="*" element={<AuthScreen mode={signUp ? 'signup' : 'signin'} />} />
        </Routes>
      ) : (
        <Routes>
          <Route element={<SignedInLayout />}>
            <Route path={paths.studio} caseSensitive element={<StudioRoute />} />
            <Route path={paths.catalog} caseSensitive element={<CatalogScreen signedIn />} />
            <Route
              path={paths.usage}
              caseSensitive
              element={
                <Suspense fallback={<Spinner />}>
                  <UsageScreen />
                </Suspense>
              }
            />
            <Route path={`${paths.admin}/*`} caseSensitive element={<AdminRoute />} />
            <Route path={paths.library} caseSensitive element={<LibraryScreen />} />
            <Route path={paths.signIn} caseSensitive element={<AfterSignIn />} />
            <Route path={paths.signUp} caseSensitive element={<AfterSignIn />} />
            <Route path="*" element={<ProjectsScreen />} />
          </Route>
        </Routes>
      )}
    </>
  );
}

/** Signed in on /signin or /signup: where the sign-in was asked from (`?next=`), else the projects. */
function AfterSignIn() {
  const [search] = useSearchParams();
  return <Navigate to={nextPath(search) ?? paths.projects} replace />;
}

function StudioRoute() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { ref, avatarName } = studioPrefill(search);
  return <StudioScreen key={id} projectId={id} initialRef={ref} initialAvatarName={avatarName} />;
}

/** A new page starts at its top (going back keeps the browser's own scroll restoration). */
function ScrollToTop() {
  const { key } = useLocation();
  const type = useNavigationType();
  useLayoutEffect(() => {
    if (type !== NavigationType.Pop) window.scrollTo(0, 0);
  }, [key, type]);
  return null;
}
