import { Link, Outlet, useLocation } from 'react-router';
import { paths, signInHref } from './paths.ts';

/** The frame of what is open without an account (the catalog): sign-in and sign-up come back to this page. */
export function PublicLayout() {
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={paths.catalog} className="brand">
          Better Ads
        </Link>
        <nav aria-label="Main">
          <Link to={paths.catalog} aria-current="page">
            Catalog
          </Link>
        </nav>
        <div className="user">
          <Link to={signInHref(here)} className="btn-ghost">
            Sign in
          </Link>
          <Link to={signInHref(here, paths.signUp)} className="btn-ghost">
            Create an account
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <a href="/graphiql">API explorer (GraphiQL)</a>
      </footer>
    </>
  );
}
