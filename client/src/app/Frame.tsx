import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The page frame both layouts share: skip link, top bar (brand, main navigation, account), main, footer. */
export function Frame(props: { home: string; nav: ReactNode; account: ReactNode; children: ReactNode }) {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={props.home} className="brand">
          Better Ads
        </Link>
        <nav aria-label="Main">{props.nav}</nav>
        <div className="user">{props.account}</div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer className="footer">
        <a href="/graphiql">API explorer (GraphiQL)</a>
      </footer>
    </>
  );
}
