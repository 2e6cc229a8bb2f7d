import { Link, Outlet, useLocation } from 'react-router';
import { Frame } from './Frame.tsx';
import { paths, signInHref } from './paths.ts';

/** The frame of what is open without an account (the catalog): sign-in and sign-up come back to this page. */
export function PublicLayout() {
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;
  return (
    <Frame
      home={paths.catalog}
      nav={
        <Link to={paths.catalog} aria-current="page">
          Catalog
        </Link>
      }
      account={
        <>
          <Link to={signInHref(here)} className="btn-ghost">
            Sign in
          </Link>
          <Link to={signInHref(here, paths.signUp)} className="btn-ghost">
            Create an account
          </Link>
        </>
      }
    >
      <Outlet />
    </Frame>
  );
}
